// The maximum-sum run of per-line scores (Kadane): where a page's main text sits, when
// prose scores positive and furniture negative. Linear; ties keep the earliest run.

/** First and last index (inclusive) of the run of `score(k)`, k in [0, m), with the largest
 *  sum; `last` is -1 when m is 0. */
export function bestRun(m: number, score: (k: number) => number): { first: number; last: number } {
  let best = -Infinity;
  let first = 0;
  let last = -1;
  let cur = 0;
  let from = 0;
  for (let k = 0; k < m; k++) {
    const s = score(k);
    if (cur <= 0) {
      cur = s;
      from = k;
    } else cur += s;
    if (cur > best) {
      best = cur;
      first = from;
      last = k;
    }
  }
  return { first, last };
}
