#!/bin/sh
# Runs `newsdump filter` over a JSON Lines corpus in parallel with plain xargs -P:
# split into chunks of LINES records, one `node dist/cli.js filter` per chunk, JOBS at a
# time, then concatenate the outputs in chunk order (same records, same order as one run).
#
# usage: test/pipeline/xargs_filter.sh CORPUS.jsonl OUT.jsonl [JOBS] [LINES]
#        (CLI=path/to/dist/cli.js to use another build)
set -eu
corpus=$1
out=$2
jobs=${3:-4}
lines=${4:-1000}
cli=${CLI:-$(dirname "$0")/../../dist/cli.js}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in" "$tmp/out"
split -l "$lines" -d -a 6 "$corpus" "$tmp/in/part-"
# each chunk: node dist/cli.js filter < in/part-N > out/part-N
(cd "$tmp/in" && ls) | xargs -P "$jobs" -I{} sh -c 'node "$1" filter < "$2/in/$3" > "$2/out/$3"' sh "$cli" "$tmp" {}
# part names are zero-padded, so the glob is in chunk order
cat "$tmp"/out/part-* > "$out"
