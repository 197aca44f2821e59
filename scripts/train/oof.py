#!/usr/bin/env python3
"""Out-of-fold first-stage scores for stacking (scripts/train/stack.py).

usage: oof.py DUMP_PREFIX OUT_DIR [--trees N] [--drop a,b]
Trains the first-stage chrome and headline ensembles K times (K=5 file folds: file index % 5),
each on the other folds' files, and scores the held-out fold's rows with it: every row then
has a score from a model that never saw its page. Also trains both ensembles on every file
(the shipped first stage). Writes OUT_DIR/oof.npy (chrome raw score per row),
OUT_DIR/oofh.npy (headline raw score per row), OUT_DIR/stage1-fold0.json and
OUT_DIR/stage1-all.json (models).
"""
import json, sys, time
import numpy as np
from train import load, make_bins, train_gbdt, predict, compact, token_weight, arg

K = 5


def main():
    args = sys.argv[1:]
    prefix, out = args[0], args[1]
    trees = arg(args, '--trees', 150)
    meta, x, rows = load(prefix)
    names = meta['features']
    for name in (arg(args, '--drop', '').split(',') if '--drop' in args else []):
        x[:, names.index(name)] = 0
    usable = (rows[:, 5] == 0) & (rows[:, 6] == 0)
    y = (rows[:, 2] == 1).astype(np.float64)
    yh = (rows[:, 3] == 1).astype(np.float64)
    seg = rows[:, 7]
    hseg = np.isin(seg, np.unique(seg[yh == 1]))
    w = np.sqrt(token_weight(x, names))
    fold = rows[:, 0] % K
    oof = np.zeros(len(rows)); oofh = np.zeros(len(rows))
    t0 = time.time()
    for f in list(range(K)) + ['all']:
        tr = usable & ((fold != f) if f != 'all' else True)
        cuts = make_bins(x[tr])
        chrome = train_gbdt(x[tr], y[tr], w[tr], cuts, trees=trees, depth=5, seed=3)
        trh = tr & hseg
        head = train_gbdt(x[trh], yh[trh], np.ones(trh.sum()), cuts, trees=80, depth=4, subsample=0.8, seed=1)
        if f != 'all':
            te = fold == f
            oof[te] = predict(chrome, x[te]); oofh[te] = predict(head, x[te])
        if f in (0, 'all'):
            json.dump({'chrome': compact(chrome), 'headline': compact(head)}, open(f'{out}/stage1-{"fold0" if f == 0 else "all"}.json', 'w'), separators=(',', ':'))
        print(f'fold {f} done {time.time()-t0:.0f}s', flush=True)
    np.save(f'{out}/oof.npy', oof); np.save(f'{out}/oofh.npy', oofh)


if __name__ == '__main__':
    main()
