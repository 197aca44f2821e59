// An immutable text held as a list of chunks, so that an edit costs a chunk, not the text.
//
// A JS string cannot be edited in place: `text.slice(0, at) + 'a' + text.slice(at)` is a
// cons string that V8 copies whole (flattens) the first time anything reads it. For a 50 MB
// dump that is a 100 MB copy per keystroke, and another one per settling round's cleaned
// text (settle.ts), plus the garbage collections they cause: most of a keystroke's time. The
// incremental engine only ever reads the few lines around an edit, so it keeps each
// version's text (and each round's cleaned text) as a Rope: `splice` copies the chunk(s)
// the edit falls in and shares every other chunk with the previous version.
//
// Chunks are slices of the strings they came from (V8 slices share their parent's
// characters): a Rope made from one big string holds that string, not a copy of it.

/** The length chunks are cut to; an edited chunk is merged or split to stay near it. */
const CHUNK = 1 << 16;

export class Rope {
  private flat: string | undefined;

  private constructor(
    private readonly chunks: readonly string[],
    /** Offset of each chunk's first character. */
    private readonly starts: readonly number[],
    readonly length: number,
    flat?: string,
  ) {
    this.flat = flat;
  }

  /** The rope of `text` (its chunks are slices of it: no copy). */
  static from(text: string): Rope {
    const chunks = cut(text);
    return new Rope(chunks, startsOf(chunks), text.length, text);
  }

  /** `text` as a rope; a rope is returned as it is. */
  static of(text: string | Rope): Rope {
    return typeof text === 'string' ? Rope.from(text) : text;
  }

  /** The whole text as one string (built once, on first call, unless the rope was made from one). */
  toString(): string {
    return (this.flat ??= this.chunks.join(''));
  }

  /** Index of the chunk holding offset `at` (the last chunk for the end of the text). */
  private chunkAt(at: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  charCodeAt(at: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(at);
    if (at < 0 || at >= this.length) return NaN;
    const k = this.chunkAt(at);
    return this.chunks[k].charCodeAt(at - this.starts[k]);
  }

  /** The characters [start, end) as a string (String.prototype.slice's clamping, no negatives). */
  slice(start = 0, end = this.length): string {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (this.flat !== undefined) return this.flat.slice(start, end);
    if (start === end) return '';
    const first = this.chunkAt(start);
    const last = this.chunkAt(end - 1);
    if (first === last) return this.chunks[first].slice(start - this.starts[first], end - this.starts[first]);
    const parts: string[] = [this.chunks[first].slice(start - this.starts[first])];
    for (let k = first + 1; k < last; k++) parts.push(this.chunks[k]);
    parts.push(this.chunks[last].slice(0, end - this.starts[last]));
    return parts.join('');
  }

  /** True when the text is empty or only white space (as `text.trim() === ''`). */
  isBlank(): boolean {
    return this.flat !== undefined ? this.flat.trim() === '' : this.chunks.every((c) => c.trim() === '');
  }

  /** This text with [start, end) replaced by `insert`; copies only the chunks the edit touches. */
  splice(start: number, end: number, insert: string): Rope {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (this.chunks.length === 0) return Rope.from(insert);
    let first = this.chunkAt(start);
    let last = end > start ? this.chunkAt(end - 1) : first;
    let piece = this.chunks[first].slice(0, start - this.starts[first]) + insert + this.chunks[last].slice(end - this.starts[last]);
    // Keep chunks near CHUNK long: a short piece joins a neighbour, a long one is cut.
    if (piece.length < CHUNK >> 2) {
      if (first > 0) piece = this.chunks[--first] + piece;
      else if (last < this.chunks.length - 1) piece += this.chunks[++last];
    }
    const chunks = this.chunks.slice(0, first);
    for (const c of cut(piece)) chunks.push(c);
    for (let k = last + 1; k < this.chunks.length; k++) chunks.push(this.chunks[k]);
    return new Rope(chunks, startsOf(chunks), this.length - (end - start) + insert.length);
  }
}

/** `text` in slices of CHUNK characters (one when it is not much longer); none when empty. */
function cut(text: string): string[] {
  if (text.length === 0) return [];
  if (text.length <= 2 * CHUNK) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, Math.min(text.length, i + CHUNK)));
  // A short last slice goes with the one before it.
  if (out.length > 1 && out[out.length - 1].length < CHUNK >> 2) {
    const tail = out.pop()!;
    out[out.length - 1] += tail;
  }
  return out;
}

function startsOf(chunks: readonly string[]): number[] {
  const starts: number[] = new Array(chunks.length);
  let at = 0;
  for (let k = 0; k < chunks.length; k++) {
    starts[k] = at;
    at += chunks[k].length;
  }
  return starts;
}
