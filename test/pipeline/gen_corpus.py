#!/usr/bin/env python3
"""Writes a seeded JSON Lines corpus of news dumps built from test/fixtures/pipeline/*.txt.

Each record is {"id": "rec-000042", "text": ...}: a window of lines from one fixture, sometimes
two windows glued together, sometimes with CRLF endings; every 997th line is deliberately not
JSON so the error path is exercised too. Same seed, same bytes.

usage: gen_corpus.py OUT.jsonl [--records N] [--seed S]
"""
import argparse
import glob
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, '..', 'fixtures', 'pipeline')


def fixture_lines():
    docs = []
    for path in sorted(glob.glob(os.path.join(FIXTURES, '*.txt'))):
        with open(path, encoding='utf-8') as f:
            docs.append(f.read().split('\n'))
    if not docs:
        raise SystemExit(f'no fixtures in {FIXTURES}')
    return docs


def records(n, seed):
    rnd = random.Random(seed)
    docs = fixture_lines()
    for i in range(n):
        rid = f'rec-{i:06d}'
        if i % 997 == 996:
            yield '{"id": "' + rid + '", "text": broken}'
            continue
        parts = []
        for _ in range(1 if rnd.random() < 0.7 else 2):
            doc = rnd.choice(docs)
            a = rnd.randrange(len(doc))
            b = min(len(doc), a + rnd.randint(3, 40))
            parts.extend(doc[a:b])
        eol = '\r\n' if rnd.random() < 0.1 else '\n'
        yield json.dumps({'id': rid, 'text': eol.join(parts) + eol}, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--records', type=int, default=10000)
    ap.add_argument('--seed', type=int, default=6)
    args = ap.parse_args()
    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        for line in records(args.records, args.seed):
            f.write(line + '\n')


if __name__ == '__main__':
    main()
