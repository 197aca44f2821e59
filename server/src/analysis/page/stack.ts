// Second-stage features of the page classifier: each line's first-stage residue score seen
// in its page's context. The first stage judges a line by itself and a few neighbours; what
// it misses is the page's shape at large: a prose-like teaser shelf or comment thread after
// the story, a caption inside it. These features (scores smoothed over windows, the main
// region the scores outline, how much article text lies before and after) let a second
// ensemble (trained on out-of-fold first-stage scores, scripts/train/stack.py, which
// computes exactly these) place the article's boundaries. Linear in the number of lines.
import { bestRun } from './bestRun';

export const STACK_NAMES = [
  'p', 'pm1', 'pm3', 'pm10', 'pw3', 'pw10', 'pw30', 'inRegion', 'dRegionStart', 'dRegionEnd',
  'keptBefore', 'keptAfter', 'logKeptBefore', 'logKeptAfter', 'runHigh', 'runLow',
  'prevBody', 'nextBody', 'regionShare',
] as const;
export const NS = STACK_NAMES.length;

/**
 * Writes the stage-2 features of the m lines into `out` (row-major, `width` columns, starting
 * at column `col`), from the first-stage probabilities `p`, word counts and prose flags.
 * Sums run in float64 in the same order as the training script.
 */
export function stackFeatures(p: Float64Array, words: readonly number[], prose: readonly boolean[], out: Float32Array, width: number, col: number): void {
  const m = p.length;
  const ww = new Float64Array(m);
  for (let k = 0; k < m; k++) ww[k] = Math.min(80, Math.max(1, words[k]));
  const cp = new Float64Array(m + 1);
  const cpw = new Float64Array(m + 1);
  const cw = new Float64Array(m + 1);
  const ck = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    cp[k + 1] = cp[k] + p[k];
    cpw[k + 1] = cpw[k] + p[k] * ww[k];
    cw[k + 1] = cw[k] + ww[k];
    ck[k + 1] = ck[k] + (1 - p[k]) * ww[k];
  }
  // The main region: the maximum-sum run of (0.5 - score) x words, the stretch of the page
  // the first stage mostly keeps, weighted by how much text it holds.
  const { first: bs, last: be } = bestRun(m, (k) => (0.5 - p[k]) * ww[k]);
  const tot = Math.max(ck[m], 1e-9);
  // runs of lines on the same side of 0.5
  const run = new Float64Array(m);
  for (let k = 0; k < m; ) {
    const hi = p[k] >= 0.5;
    let e = k;
    while (e + 1 < m && p[e + 1] >= 0.5 === hi) e++;
    for (let j = k; j <= e; j++) run[j] = e - k + 1;
    k = e + 1;
  }
  // distance to the nearest prose line the first stage confidently keeps
  const prev = new Float64Array(m).fill(m);
  const next = new Float64Array(m).fill(m);
  for (let k = 0, last = -1; k < m; k++) {
    if (last >= 0) prev[k] = k - last;
    if (p[k] < 0.3 && prose[k]) last = k;
  }
  for (let k = m - 1, last = -1; k >= 0; k--) {
    if (last >= 0) next[k] = last - k;
    if (p[k] < 0.3 && prose[k]) last = k;
  }
  const share = be >= 0 ? (ck[be + 1] - ck[bs]) / tot : 0;
  const sl = (d: number) => Math.sign(d) * Math.log1p(Math.abs(d));
  for (let k = 0; k < m; k++) {
    const win = (r: number, a = Math.max(0, k - r), b = Math.min(m, k + r + 1)) => (cp[b] - cp[a]) / (b - a);
    const winW = (r: number, a = Math.max(0, k - r), b = Math.min(m, k + r + 1)) => (cpw[b] - cpw[a]) / (cw[b] - cw[a]);
    let o = k * width + col;
    out[o++] = p[k];
    out[o++] = win(1);
    out[o++] = win(3);
    out[o++] = win(10);
    out[o++] = winW(3);
    out[o++] = winW(10);
    out[o++] = winW(30);
    out[o++] = k >= bs && k <= be ? 1 : 0;
    out[o++] = sl(k - bs);
    out[o++] = sl(k - be);
    out[o++] = ck[k] / tot;
    out[o++] = (tot - ck[k + 1]) / tot;
    out[o++] = Math.log1p(ck[k]);
    out[o++] = Math.log1p(ck[m] - ck[k + 1]);
    const hi = p[k] >= 0.5;
    out[o++] = hi ? Math.log1p(run[k]) : 0;
    out[o++] = hi ? 0 : Math.log1p(run[k]);
    out[o++] = Math.log1p(prev[k]);
    out[o++] = Math.log1p(next[k]);
    out[o++] = share;
  }
}
