#!/usr/bin/env python3
"""Distributed run of `newsdump filter` on Dask, checked against a single-process run.

A LocalCluster of worker *processes* takes the JSON Lines corpus as a dask.bag split into
partitions; each partition is piped through its own `node dist/cli.js filter` subprocess
(the Dask spelling of Spark's RDD.pipe). The merged output must equal, record for record,
what one `node dist/cli.js filter` prints for the whole corpus.

usage: /usr/bin/python3 test/pipeline/dask_filter.py [--records 10000] [--partitions 16]
       [--workers 4] [--cli dist/cli.js] [--keep DIR]
Prints one JSON summary line; exit status 0 when the outputs match, 1 when not.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402


def pipe_partition(lines, node, cli):
    """Runs one partition through `newsdump filter`; a list of JSON lines in, one out."""
    lines = list(lines)
    data = ''.join(line + '\n' for line in lines).encode('utf-8')
    proc = subprocess.run([node, cli, 'filter'], input=data, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f'newsdump filter exited {proc.returncode}: {proc.stderr.decode()[:500]}')
    out = proc.stdout.decode('utf-8').split('\n')
    if out and out[-1] == '':
        out.pop()
    if len(out) != len(lines):
        raise RuntimeError(f'partition of {len(lines)} records gave {len(out)} lines')
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--records', type=int, default=10000)
    ap.add_argument('--partitions', type=int, default=16)
    ap.add_argument('--workers', type=int, default=4)
    ap.add_argument('--cli', default=os.path.join(ROOT, 'dist', 'cli.js'))
    ap.add_argument('--node', default=shutil.which('node') or 'node')
    ap.add_argument('--keep', help='write corpus.jsonl, single.jsonl and dask.jsonl here')
    args = ap.parse_args()

    import dask.bag as db
    from distributed import Client, LocalCluster

    # under the repo's out/ (git-ignored), away from anything that sweeps /tmp
    scratch = os.path.join(ROOT, 'out', 'pipeline')
    os.makedirs(scratch, exist_ok=True)
    work = args.keep or tempfile.mkdtemp(prefix='dask-', dir=scratch)
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, 'corpus.jsonl')
    with open(corpus, 'w', encoding='utf-8', newline='\n') as f:
        for line in gen_corpus.records(args.records, 6):
            f.write(line + '\n')

    t0 = time.time()
    with open(corpus, 'rb') as f:
        single = subprocess.run([args.node, args.cli, 'filter'], stdin=f, stdout=subprocess.PIPE, check=True)
    single_lines = single.stdout.decode('utf-8').rstrip('\n').split('\n')
    t_single = time.time() - t0

    t0 = time.time()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        # blocksize splits the file itself, so no single process ever holds the whole corpus
        bag = db.read_text(corpus, blocksize=max(1, os.path.getsize(corpus) // args.partitions), encoding='utf-8')
        bag = bag.map(lambda line: line.rstrip('\n')).filter(lambda line: line.strip() != '')
        out = bag.map_partitions(pipe_partition, args.node, args.cli)
        partitions = out.npartitions
        workers = len(client.scheduler_info()['workers'])
        dask_lines = out.compute()
    t_dask = time.time() - t0

    if args.keep:
        for name, lines in (('single.jsonl', single_lines), ('dask.jsonl', dask_lines)):
            with open(os.path.join(work, name), 'w', encoding='utf-8') as f:
                f.write('\n'.join(lines) + '\n')
    else:
        shutil.rmtree(work, ignore_errors=True)

    mismatch = next((i for i, (a, b) in enumerate(zip(single_lines, dask_lines)) if a != b), None)
    same = len(single_lines) == len(dask_lines) == args.records and mismatch is None
    errors = sum(1 for line in dask_lines if '"error":' in line and json.loads(line).get('error'))
    ids_in_order = [json.loads(line)['id'] for line in dask_lines[:3]]
    print(json.dumps({
        'records': args.records, 'single': len(single_lines), 'dask': len(dask_lines),
        'partitions': partitions, 'workers': workers, 'error_records': errors,
        'first_ids': ids_in_order, 'same': same, 'first_mismatch': mismatch,
        'single_seconds': round(t_single, 2), 'dask_seconds': round(t_dask, 2),
    }))
    return 0 if same else 1


if __name__ == '__main__':
    sys.exit(main())
