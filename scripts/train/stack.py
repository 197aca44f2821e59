#!/usr/bin/env python3
"""Second stage of the page classifier: boosted trees over the first stage's scores in
context (server/src/analysis/page/stack.ts computes the same features at inference).

usage: stack.py DUMP_PREFIX WORK_DIR OUT_JSON [--trees N] [--drop a,b] [--holdout-json F]
Needs WORK_DIR/oof.npy, stage1-*.json from oof.py. The stage-2 rows carry out-of-fold
first-stage scores, so stage 2 learns how a first-stage score on an unseen page behaves.
Held-out figures: stage 2 trained on folds 1-4 (file index % 5 != 0), scored on fold 0
(whose first-stage scores come from the model trained on folds 1-4).
"""
import json, sys, time
import numpy as np
from train import load, make_bins, train_gbdt, predict, compact, token_weight, arg

STACK_NAMES = ['p', 'pm1', 'pm3', 'pm10', 'pw3', 'pw10', 'pw30', 'inRegion', 'dRegionStart', 'dRegionEnd',
               'keptBefore', 'keptAfter', 'logKeptBefore', 'logKeptAfter', 'runHigh', 'runLow',
               'prevBody', 'nextBody', 'regionShare']


def seg_features(p, words, prose):
    """Mirror of stackFeatures in page/stack.ts (float64, then float32)."""
    m = len(p)
    ww = np.clip(words, 1, 80).astype(np.float64)
    F = np.zeros((m, len(STACK_NAMES)))
    cp = np.concatenate([[0.0], np.cumsum(p)])
    cpw = np.concatenate([[0.0], np.cumsum(p * ww)])
    cw = np.concatenate([[0.0], np.cumsum(ww)])
    k = np.arange(m)

    def win(r):
        a = np.maximum(0, k - r); b = np.minimum(m, k + r + 1)
        return (cp[b] - cp[a]) / (b - a), (cpw[b] - cpw[a]) / (cw[b] - cw[a])
    F[:, 0] = p
    F[:, 1] = win(1)[0]; F[:, 2] = win(3)[0]; F[:, 3] = win(10)[0]
    F[:, 4] = win(3)[1]; F[:, 5] = win(10)[1]; F[:, 6] = win(30)[1]
    s = (0.5 - p) * ww
    best = -np.inf; bs = 0; be = -1; cur = 0.0; cs = 0
    for j in range(m):
        if cur <= 0:
            cur = s[j]; cs = j
        else:
            cur += s[j]
        if cur > best:
            best = cur; bs = cs; be = j
    F[:, 7] = (k >= bs) & (k <= be)
    F[:, 8] = np.sign(k - bs) * np.log1p(np.abs(k - bs))
    F[:, 9] = np.sign(k - be) * np.log1p(np.abs(k - be))
    kept = (1 - p) * ww
    ck = np.concatenate([[0.0], np.cumsum(kept)])
    tot = max(ck[m], 1e-9)
    F[:, 10] = ck[:-1] / tot
    F[:, 11] = (tot - ck[1:]) / tot
    F[:, 12] = np.log1p(ck[:-1])
    F[:, 13] = np.log1p(ck[m] - ck[1:])
    hi = p >= 0.5
    run = np.zeros(m)
    j = 0
    while j < m:
        e = j
        while e + 1 < m and hi[e + 1] == hi[j]:
            e += 1
        run[j:e + 1] = e - j + 1
        j = e + 1
    F[:, 14] = np.where(hi, np.log1p(run), 0)
    F[:, 15] = np.where(hi, 0, np.log1p(run))
    body = (p < 0.3) & (prose > 0)
    prev = np.full(m, float(m)); nxt = np.full(m, float(m))
    last = -1
    for j in range(m):
        if last >= 0: prev[j] = j - last
        if body[j]: last = j
    last = -1
    for j in range(m - 1, -1, -1):
        if last >= 0: nxt[j] = last - j
        if body[j]: last = j
    F[:, 16] = np.log1p(prev); F[:, 17] = np.log1p(nxt)
    F[:, 18] = (ck[be + 1] - ck[bs]) / tot
    return F.astype(np.float32)


def stack_matrix(x, rows, raw, names):
    p = 1 / (1 + np.exp(-raw))
    words = np.rint(np.expm1(x[:, names.index('logWords')].astype(np.float64)))
    prose = x[:, names.index('prose')]
    seg = rows[:, 7]
    out = np.zeros((len(rows), len(STACK_NAMES)), dtype=np.float32)
    bounds = np.nonzero(np.diff(seg))[0] + 1
    starts = np.concatenate([[0], bounds]); ends = np.concatenate([bounds, [len(seg)]])
    for a, b in zip(starts, ends):
        out[a:b] = seg_features(p[a:b], words[a:b], prose[a:b])
    return np.hstack([x, out])


HEAD_NAMES = ['h1', 'h1Gap', 'h1Rank']
HEADLINE_BEFORE, HEADLINE_AFTER = 150, 12


def head_candidates(x, rows, names):
    """Rows that classify.ts considers as headline candidates when the layout named none."""
    d = x[:, names.index('distBodyStart')].astype(np.float64)
    off = np.rint(np.sign(d) * np.expm1(np.abs(d)))  # k - bodyStart
    words = np.rint(np.expm1(x[:, names.index('logWords')].astype(np.float64)))
    in_body = x[:, names.index('inBody')] == 1
    return ((off >= -HEADLINE_BEFORE) & ((off < HEADLINE_AFTER) | in_body) & (rows[:, 6] == 0) & (words <= 40)
            & (x[:, names.index('bylineLike')] != 1) & (x[:, names.index('givenHeadline')] != 1))


def head_matrix(X, rows, cand, h1):
    """Stage-2 headline features for candidate rows: the stage-1 headline score, its gap to the
    segment's best candidate and its rank among the candidates."""
    seg = rows[:, 7]
    H = np.zeros((len(rows), len(HEAD_NAMES)), dtype=np.float32)
    idx = np.nonzero(cand)[0]
    s = seg[idx]
    bounds = np.nonzero(np.diff(s))[0] + 1
    for part in np.split(np.arange(len(idx)), bounds):
        ii = idx[part]
        h = h1[ii]
        H[ii, 0] = h
        H[ii, 1] = h - h.max()
        order = np.argsort(-h, kind='stable')
        rank = np.empty(len(h)); rank[order] = np.arange(len(h))
        H[ii, 2] = np.log1p(rank)
    return np.hstack([X, H])


def report(name, rows, x, names, p, thr, prose_thr):
    wt = token_weight(x, names)
    y = rows[:, 2] == 1
    ruled = rows[:, 5] == 1
    header = rows[:, 6] == 1
    inbody = (x[:, names.index('inBody')] == 1) & (x[:, names.index('prose')] == 1)
    pred = ((p >= np.where(inbody, max(thr, prose_thr), thr)) | ruled) & ~header
    tp = (wt * (pred & y)).sum(); rem = (wt * pred).sum(); res = (wt * y).sum()
    P = tp / max(1, rem); R = tp / max(1, res)
    print(f'{name}: thr {thr:.2f}/{prose_thr:.2f} precision {P:.3f} recall {R:.3f} F1 {2*P*R/max(1e-9,P+R):.3f}')


def check(prefix, model_json, fi, ts_json):
    """Compares page/stack.ts output (scripts/train/check-stack.ts) with ours for file fi."""
    meta, x, rows = load(prefix)
    names = meta['features']
    model = json.load(open(model_json))
    sel = (rows[:, 0] == fi) & (rows[:, 8] == 0)
    sel &= rows[:, 7] == rows[sel, 7].min()
    raw = predict(model['chrome'], x[sel])
    X = stack_matrix(x[sel], rows[sel], raw, names)
    ts = json.load(open(ts_json))
    print('rows', sel.sum(), len(ts['p']))
    print('max |p diff|', np.abs(1 / (1 + np.exp(-raw)) - np.array(ts['p'])).max())
    d = np.abs(X[:, len(names):] - np.array(ts['s'], dtype=np.float32))
    print('max |feature diff| per feature', dict(zip(STACK_NAMES, d.max(0).round(6))))
    p2 = 1 / (1 + np.exp(-predict(model['stack'], X)))
    print('max |p2 diff|', np.abs(p2 - np.array(ts['p2'])).max())


def main():
    args = sys.argv[1:]
    if args[0] == '--check':
        return check(args[1], args[2], int(args[3]), args[4])
    prefix, work, out_json = args[0], args[1], args[2]
    trees = arg(args, '--trees', 100)
    depth = arg(args, '--depth', 5)
    meta, x, rows = load(prefix)
    names = meta['features']
    for name in (arg(args, '--drop', '').split(',') if '--drop' in args else []):
        x[:, names.index(name)] = 0
    oof = np.load(f'{work}/oof.npy')
    X = stack_matrix(x, rows, oof, names)
    # --drop-stack a,b: second-stage features the trees may not use
    for name in (arg(args, '--drop-stack', '').split(',') if '--drop-stack' in args else []):
        X[:, len(names) + STACK_NAMES.index(name)] = 0
    allnames = names + STACK_NAMES
    usable = (rows[:, 5] == 0) & (rows[:, 6] == 0)
    y = (rows[:, 2] == 1).astype(np.float64)
    w = np.sqrt(token_weight(x, names))
    fold = rows[:, 0] % 5
    t0 = time.time()
    final = '--final' in args
    tr = usable & ((fold != 0) if not final else True)
    # --skip-variants 4: augmented variants (scripts/train/dump.ts) the first stage learns
    # from but the second stage does not
    for v in (arg(args, '--skip-variants', '').split(',') if '--skip-variants' in args else []):
        tr &= rows[:, 8] != int(v)
    cuts = make_bins(X[tr])
    st = train_gbdt(X[tr], y[tr], w[tr], cuts, trees=trees, depth=depth, seed=5)
    print(f'stage 2 done {time.time()-t0:.0f}s', flush=True)
    # Boundaries: P(line lies after the segment's last article line), P(before its first).
    seg = rows[:, 7]
    ya = np.zeros(len(rows)); yb = np.zeros(len(rows))
    bounds = np.nonzero(np.diff(seg))[0] + 1
    for a, b in zip(np.concatenate([[0], bounds]), np.concatenate([bounds, [len(seg)]])):
        keep = np.nonzero(rows[a:b, 2] == 0)[0]
        if len(keep) == 0:
            ya[a:b] = 1; yb[a:b] = 1
            continue
        ya[a + keep[-1] + 1:b] = 1
        yb[a:a + keep[0]] = 1
    bt = arg(args, '--boundary-trees', 50)
    after = train_gbdt(X[tr], ya[tr], w[tr], cuts, trees=bt, depth=depth, seed=7)
    before = train_gbdt(X[tr], yb[tr], w[tr], cuts, trees=bt, depth=depth, seed=8)
    print(f'boundaries done {time.time()-t0:.0f}s', flush=True)
    # headline, second stage: over the candidates of segments with a gold headline
    oofh = np.load(f'{work}/oofh.npy')
    cand = head_candidates(x, rows, names)
    yh = (rows[:, 3] == 1).astype(np.float64)
    seg = rows[:, 7]
    hseg = np.isin(seg, np.unique(seg[yh == 1]))
    XH = head_matrix(X, rows, cand, oofh)
    trh = tr & hseg & cand
    hcuts = make_bins(XH[trh])
    hd = train_gbdt(XH[trh], yh[trh], np.ones(trh.sum()), hcuts, trees=arg(args, '--head-trees', 80), depth=4, subsample=0.8, seed=1)
    print(f'headline stage 2 done {time.time()-t0:.0f}s', flush=True)
    evh = (fold == 0) & (rows[:, 8] == 0) & hseg & cand
    if not final:
        ph2 = predict(hd, XH[evh])
        for name, sc in (('stage 1', oofh[evh]), ('stage 2', ph2)):
            hits = n = 0
            ss = seg[evh]; yy = yh[evh]
            for g in np.unique(seg[(fold == 0) & (rows[:, 8] == 0) & (yh == 1)]):
                n += 1
                mm = ss == g
                if mm.any(): hits += yy[mm][np.argmax(sc[mm])] == 1
            print(f'held-out headline {name}: {hits}/{n} = {hits/max(1,n):.3f}')
    ev = (fold == 0) & (rows[:, 8] == 0)
    p1 = 1 / (1 + np.exp(-oof[ev]))
    p2 = 1 / (1 + np.exp(-predict(st, X[ev])))
    if not final:
        for thr in (0.5, 0.6, 0.7):
            report('held-out stage 1', rows[ev], x[ev], names, p1, thr, 0.85)
        for thr in (0.3, 0.4, 0.5, 0.6, 0.7):
            for pt in (0.5, 0.7, 0.85):
                report('held-out stage 2', rows[ev], x[ev], names, p2, thr, pt)
        np.save(f'{work}/p2-fold0.npy', p2)
        np.save(f'{work}/qa-fold0.npy', 1 / (1 + np.exp(-predict(after, X[ev]))))
        np.save(f'{work}/qb-fold0.npy', 1 / (1 + np.exp(-predict(before, X[ev]))))
    s1 = json.load(open(f'{work}/stage1-{"all" if final else "fold0"}.json'))
    model = {'trained_on': 'all files' if final else 'files with index % 5 != 0',
             'features': names, 'stackFeatures': STACK_NAMES,
             'chrome': s1['chrome'], 'headline': s1['headline'], 'stack': compact(st), 'stackHeadline': compact(hd), 'after': compact(after), 'before': compact(before),
             'threshold': arg(args, '--threshold', 0.6), 'stackThreshold': arg(args, '--stack-threshold', 0.98),
             'stackBodyProse': arg(args, '--stack-body-prose', 0.95),
             'stackOuterThreshold': arg(args, '--stack-outer', 0.7), 'boundaryCost': arg(args, '--boundary-cost', 3.0),
             # segments where no phrase rule fired (eval --unknown-language measures them)
             'noRulesBoundaryCost': arg(args, '--no-rules-boundary-cost', 5.0), 'noRulesOuterThreshold': arg(args, '--no-rules-outer', 0.8)}
    json.dump(model, open(out_json, 'w'), separators=(',', ':'))
    print('wrote', out_json)


if __name__ == '__main__':
    main()
