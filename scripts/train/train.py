#!/usr/bin/env python3
"""Trains the page classifier: two small gradient-boosted tree ensembles (numpy only).

  chrome:   P(line is residue | features) for lines the phrase rules did not claim;
  headline: P(line is the article headline), the argmax per segment is the headline.

usage: train.py DUMP_PREFIX OUT_JSON [--holdout K] [--trees N] [--depth D]
DUMP_PREFIX.bin/.json come from scripts/train/dump.ts. With --holdout K (default 5) every
K-th file is held out and the held-out figures are printed; --final trains on every file.
"""
import json, sys, time
import numpy as np

NBINS = 48


def load(prefix):
    meta = json.load(open(prefix + '.json'))
    F = len(meta['features'])
    x = np.fromfile(prefix + '.bin', dtype=np.float32).reshape(-1, F)
    rows = np.array(meta['rows'], dtype=np.int64)
    return meta, x, rows


def make_bins(x):
    """Quantile thresholds per feature (at most NBINS-1 distinct cut points)."""
    cuts = []
    for f in range(x.shape[1]):
        col = x[:, f]
        qs = np.unique(np.quantile(col, np.linspace(0, 1, NBINS + 1)[1:-1]))
        u = np.unique(col)
        if len(u) <= NBINS:
            qs = (u[:-1] + u[1:]) / 2  # midpoints between distinct values
        cuts.append(qs.astype(np.float32))
    return cuts


def binize(x, cuts):
    b = np.zeros(x.shape, dtype=np.int32)
    for f, c in enumerate(cuts):
        b[:, f] = np.searchsorted(c, x[:, f], side='left')  # bin k: c[k-1] < x <= c[k]
    return b


def train_gbdt(x, y, w, cuts, trees=200, depth=5, lr=0.1, lam=1.0, min_hess=5.0, subsample=0.6, seed=0, log=None):
    rng = np.random.default_rng(seed)
    N, F = x.shape
    bins = binize(x, cuts)
    offs = (np.arange(F) * NBINS).astype(np.int32)
    flat = bins + offs[None, :]
    valid = np.zeros((F, NBINS - 1), dtype=bool)
    for f in range(F):
        valid[f, :len(cuts[f])] = True
    p0 = np.clip(np.average(y, weights=w), 1e-4, 1 - 1e-4)
    base = float(np.log(p0 / (1 - p0)))
    raw = np.full(N, base)
    out = []

    def hist(idx, g, h):
        fi = flat[idx].ravel()
        hg = np.bincount(fi, weights=np.repeat(g[idx], F), minlength=F * NBINS).reshape(F, NBINS)
        hh = np.bincount(fi, weights=np.repeat(h[idx], F), minlength=F * NBINS).reshape(F, NBINS)
        return hg, hh

    for t in range(trees):
        p = 1 / (1 + np.exp(-raw))
        g = (p - y) * w
        h = np.maximum(p * (1 - p), 1e-6) * w
        sel = np.nonzero(rng.random(N) < subsample)[0]
        feat, thr, left, right, val = [], [], [], [], []

        def new_node():
            feat.append(-1); thr.append(0.0); left.append(-1); right.append(-1); val.append(0.0)
            return len(feat) - 1
        root = new_node()
        frontier = [(root, sel, None)]
        for d in range(depth + 1):
            nxt = []
            # compute histograms: smaller sibling directly, larger by subtraction
            for node, idx, hs in frontier:
                G, H = g[idx].sum(), h[idx].sum()
                val[node] = float(-G / (H + lam))
                if d == depth or len(idx) < 20 or H < 2 * min_hess:
                    continue
                hg, hh = hs if hs is not None else hist(idx, g, h)
                cg = np.cumsum(hg, axis=1)[:, :-1]
                ch = np.cumsum(hh, axis=1)[:, :-1]
                rg, rh = G - cg, H - ch
                gain = cg ** 2 / (ch + lam) + rg ** 2 / (rh + lam) - G ** 2 / (H + lam)
                ok = valid & (ch >= min_hess) & (rh >= min_hess)
                gain = np.where(ok, gain, -np.inf)
                k = int(np.argmax(gain))
                f, b = divmod(k, NBINS - 1)
                if not np.isfinite(gain[f, b]) or gain[f, b] <= 1e-6:
                    continue
                th = float(cuts[f][b])
                goes_left = bins[idx, f] <= b
                li, ri = idx[goes_left], idx[~goes_left]
                l, r = new_node(), new_node()
                feat[node], thr[node], left[node], right[node] = f, th, l, r
                if d + 1 < depth:
                    if len(li) <= len(ri):
                        sg, sh = hist(li, g, h); lh, rh_ = (sg, sh), (hg - sg, hh - sh)
                    else:
                        sg, sh = hist(ri, g, h); rh_, lh = (sg, sh), (hg - sg, hh - sh)
                else:
                    lh = rh_ = None
                nxt.append((l, li, lh))
                nxt.append((r, ri, rh_))
            frontier = nxt
        tree = {'f': feat, 't': thr, 'l': left, 'r': right, 'v': [lr * v for v in val]}
        out.append(tree)
        raw += predict_tree(tree, x)
        if log and (t + 1) % 50 == 0:
            log(t + 1, raw)
    return {'base': base, 'trees': out}


def predict_tree(tree, x):
    n = np.zeros(len(x), dtype=np.int64)
    f = np.array(tree['f']); t = np.array(tree['t'], dtype=np.float32)
    l = np.array(tree['l']); r = np.array(tree['r']); v = np.array(tree['v'])
    for _ in range(32):
        leaf = f[n] < 0
        if leaf.all():
            break
        fx = x[np.arange(len(x)), np.maximum(f[n], 0)]
        go = np.where(fx <= t[n], l[n], r[n])
        n = np.where(leaf, n, go)
    return v[n]


def predict(model, x):
    raw = np.full(len(x), model['base'])
    for tr in model['trees']:
        raw += predict_tree(tr, x)
    return raw


def compact(model):
    """Thresholds as the shortest decimal that reads back as the same float32 (inference
    compares in float32); leaves rounded to 5 decimals."""
    for tr in model['trees']:
        tr['t'] = [float(np.format_float_positional(np.float32(v), unique=True, trim='-')) for v in tr['t']]
        tr['v'] = [round(v, 5) for v in tr['v']]
    model['base'] = round(model['base'], 5)
    return model


def token_weight(x, names):
    words = np.expm1(x[:, names.index('logWords')])
    return np.maximum(1.0, words)


def report(name, rows, x, p, thr, meta):
    """Token-weighted (approx.: words) precision / recall of residue on non-ruled lines, plus
    the same including ruled lines (ruled lines always removed)."""
    names = meta['features']
    wt = token_weight(x, names)
    y = rows[:, 2] == 1
    ruled = rows[:, 5] == 1
    header = rows[:, 6] == 1
    pred = ((p >= thr) | ruled) & ~header
    tp = (wt * (pred & y)).sum(); rem = (wt * pred).sum(); res = (wt * y).sum()
    P = tp / max(1, rem); R = tp / max(1, res)
    print(f'{name}: thr {thr:.2f} precision {P:.3f} recall {R:.3f} F1 {2*P*R/max(1e-9,P+R):.3f}')


def arg(args, name, default):
    return type(default)(args[args.index(name) + 1]) if name in args else default


HOLDOUT = 5   # every 5th file (by index in the sorted dump) is held out


def split(rows, final):
    files = rows[:, 0]
    val = (files % HOLDOUT) == 0
    usable = (rows[:, 5] == 0) & (rows[:, 6] == 0)
    tr = usable & (True if final else ~val)
    return tr, val & (rows[:, 8] == 0)


def headline_accuracy(ph, rows, sel):
    seg = rows[sel, 7]; yh = rows[sel, 3]; ruled = rows[sel, 5] == 1
    hits = n = 0
    for s in np.unique(seg[yh == 1]):
        m = seg == s
        n += 1
        hits += yh[m][np.argmax(np.where(ruled[m], -1e9, ph[m]))] == 1
    return hits, n


def main():
    args = sys.argv[1:]
    prefix, out_json = args[0], args[1]
    final = '--final' in args
    trees = arg(args, '--trees', 150)
    depth = arg(args, '--depth', 5)
    threshold = arg(args, '--threshold', 0.6)
    t0 = time.time()
    meta, x, rows = load(prefix)
    names = meta['features']
    # --drop a,b: features the trees may not use (set constant), e.g. page-global positions
    for name in (arg(args, '--drop', '').split(',') if '--drop' in args else []):
        x[:, names.index(name)] = 0
    tr, val = split(rows, final)
    # --skip-named: leave out segments whose headline the layout named (aggregator entries;
    # in these web pages, comment threads the segmenter took for entries).
    if '--skip-named' in args:
        gh = x[:, names.index('givenHeadline')] == 1
        tr &= ~np.isin(rows[:, 7], np.unique(rows[gh, 7]))
    print(f'rows {len(rows)} train {tr.sum()} held-out {val.sum()} features {len(names)}', flush=True)
    y = (rows[:, 2] == 1).astype(np.float64)
    w = np.sqrt(token_weight(x, names))
    cuts = make_bins(x[tr])
    chrome = train_gbdt(x[tr], y[tr], w[tr], cuts, trees=trees, depth=depth, seed=3)
    print(f'chrome done {time.time()-t0:.0f}s', flush=True)
    yh = (rows[:, 3] == 1).astype(np.float64)
    seg = rows[:, 7]
    trh = tr & np.isin(seg, np.unique(seg[yh == 1]))
    head = train_gbdt(x[trh], yh[trh], np.ones(trh.sum()), cuts, trees=arg(args, '--head-trees', 80), depth=4, subsample=0.8, seed=1)
    print(f'headline done {time.time()-t0:.0f}s', flush=True)
    ev = val if not final else (rows[:, 8] == 0)
    p = 1 / (1 + np.exp(-predict(chrome, x[ev])))
    for thr in (0.4, 0.5, 0.6, 0.7, 0.8):
        report('held-out' if not final else 'train', rows[ev], x[ev], p, thr, meta)
    hits, n = headline_accuracy(predict(head, x[ev]), rows, ev)
    print(f'headline argmax accuracy {hits}/{n} = {hits/max(1,n):.3f}')
    model = {'trained_on': 'all files' if final else f'files with index % {HOLDOUT} != 0',
             'features': names, 'chrome': compact(chrome), 'headline': compact(head), 'threshold': threshold}
    json.dump(model, open(out_json, 'w'), separators=(',', ':'))
    print('wrote', out_json)


if __name__ == '__main__':
    main()
