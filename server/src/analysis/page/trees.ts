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
    const { feat, thr, left, right, value, roots } = this;
    const o = row * width;
    let s = this.base;
    for (let k = 0; k < roots.length; k++) {
      let n = roots[k];
      while (feat[n] >= 0) n = x[o + feat[n]] <= thr[n] ? left[n] : right[n];
      s += value[n];
    }
    return s;
  }
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
