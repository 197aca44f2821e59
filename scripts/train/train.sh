#!/bin/sh
# Re-trains the page classifier (server/src/analysis/page/model.json) from the annotated
# WCXB pages: dumps features through the real engine, prints held-out figures (every 5th
# file held out), then trains the shipped model on every file. numpy only; ~5-10 min.
#   CORPUS=/path/to/train/wcxb WORK=/tmp/nd-train sh scripts/train/train.sh [--no-final]
set -e
cd "$(dirname "$0")/../.."
CORPUS=${CORPUS:-/work/shared/corpus/train/wcxb}
WORK=${WORK:-/tmp/newsdump-train}
DROP=relPos,wordsBefore,wordsAfter,nonBlankIdx,proseBefore,proseAfter
mkdir -p "$WORK"
npx esbuild scripts/train/dump.ts --bundle --platform=node --outfile=out/dump.js --log-level=warning
node out/dump.js "$WORK/dump" --augment "$CORPUS"
python3 scripts/train/train.py "$WORK/dump" "$WORK/model-holdout.json" --trees 150 --drop $DROP
if [ "$1" != "--no-final" ]; then
  python3 scripts/train/train.py "$WORK/dump" server/src/analysis/page/model.json --final --trees 150 --drop $DROP
fi
