// Inference for the gradient-boosted tree ensembles trained by scripts/train/train.py.
// Trees are stored as parallel arrays (JSON); at load they are flattened into typed arrays.
// A node goes left when x <= threshold, compared in float32 as in training.

export interface Tree {
  f: number[];
  t: number[];
  l: number[];
  r: number[];
  v: number[];
}

export interface Ensemble {
  base: number;
  trees: Tree[];
}

export class Forest {
  private readonly feat: Int32Array;
  private readonly thr: Float32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly value: Float64Array;
  private readonly roots: Int32Array;
  private compiled: ((x: Float32Array, o: number, s: number) => number)[] | null = null;
  /** Rows scored so far; the trees are compiled once this many have been (see score). */
  private scored = 0;
  readonly base: number;

  constructor(e: Ensemble) {
    const total = e.trees.reduce((s, t) => s + t.f.length, 0);
    this.feat = new Int32Array(total);
    this.thr = new Float32Array(total);
    this.left = new Int32Array(total);
    this.right = new Int32Array(total);
    this.value = new Float64Array(total);
    this.roots = new Int32Array(e.trees.length);
    let o = 0;
    e.trees.forEach((t, k) => {
      this.roots[k] = o;
      for (let i = 0; i < t.f.length; i++) {
        this.feat[o + i] = t.f[i];
        this.thr[o + i] = t.t[i];
        this.left[o + i] = t.l[i] + o;
        this.right[o + i] = t.r[i] + o;
        this.value[o + i] = t.v[i];
      }
      o += t.f.length;
    });
    this.base = e.base;
  }

  /** Raw score (log-odds) of row `row` of a row-major float32 matrix with `width` columns. */
  score(x: Float32Array, row: number, width: number): number {
    const o = row * width;
    // Compiled code starts cold (interpreted, then optimised): it pays off on big pages and
    // long-running processes, so small jobs keep the loop.
    if (this.scored < COMPILE_AFTER && ++this.scored === COMPILE_AFTER) this.compiled = this.compile();
    const parts = this.compiled;
    if (parts !== null) {
      // The trees compiled to nested conditionals; the sum runs tree by tree in the same
      // order as the loop below, so the score is the same number.
      let s = this.base;
      for (let k = 0; k < parts.length; k++) s = parts[k](x, o, s);
      return s;
    }
    return this.scoreLoop(x, o);
  }

  /** The reference evaluation (and the fallback where code generation is not allowed). */
  scoreLoop(x: Float32Array, o: number): number {
    const { feat, thr, left, right, value, roots } = this;
    let s = this.base;
    for (let k = 0; k < roots.length; k++) {
      let n = roots[k];
      while (feat[n] >= 0) n = x[o + feat[n]] <= thr[n] ? left[n] : right[n];
      s += value[n];
    }
    return s;
  }

  /**
   * Each tree as an expression of nested conditionals (`x[o+f] <= t ? left : right`, the
   * thresholds as the exact float32 values, the leaves as the exact float64 values), a few
   * trees per function so that each stays small enough for the optimising compiler.
   */
  private compile(): ((x: Float32Array, o: number, s: number) => number)[] | null {
    const { feat, thr, left, right, value, roots } = this;
    const lit = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
    const expr = (n: number): string =>
      feat[n] < 0 ? lit(value[n]) : `(x[o+${feat[n]}]<=${lit(thr[n])}?${expr(left[n])}:${expr(right[n])})`;
    const parts: ((x: Float32Array, o: number, s: number) => number)[] = [];
    try {
      for (let k = 0; k < roots.length; k += TREES_PER_FUNCTION) {
        let body = '';
        for (let j = k; j < Math.min(roots.length, k + TREES_PER_FUNCTION); j++) body += `s+=${expr(roots[j])};\n`;
        parts.push(new Function('x', 'o', 's', `${body}return s;`) as (x: Float32Array, o: number, s: number) => number);
      }
    } catch {
      return null;
    }
    return parts;
  }
}

const TREES_PER_FUNCTION = 10;
/** Rows a forest scores with the loop before it compiles its trees. */
const COMPILE_AFTER = 30000;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
