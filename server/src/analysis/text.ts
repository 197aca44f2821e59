// Line splitting and position bookkeeping shared by every stage of the engine.
// Offsets are UTF-16 code unit indices into the document string, which is what both JS
// strings and LSP positions count, so a range never needs re-encoding on its way out.

export interface Line {
  /** Index of the line, zero-based. */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last content character (before the terminator). */
  end: number;
  /** Offset just past the terminator (equals `end` on the last line). */
  next: number;
  /** The line's content without its terminator. */
  text: string;
}

export type Eol = '\n' | '\r\n' | '\r';

export interface LineTable {
  lines: Line[];
  /** The dominant terminator; new line breaks inserted by fixes use it. */
  eol: Eol;
  /** True when the file mixes terminators (kept as they are). */
  mixedEol: boolean;
  /** Length of a leading byte order mark (0 or 1): it is never part of a line's text. */
  bom: number;
}

export function splitLines(text: string): LineTable {
  const lines: Line[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let start = bom;
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  const n = text.length;
  // The next LF and the next CR, found with indexOf (a native scan) and looked for again
  // only once passed; a line ends at whichever comes first.
  let nextLf = text.indexOf('\n', bom);
  let nextCr = text.indexOf('\r', bom);
  for (;;) {
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    let i: number;
    if (nextCr < 0) i = nextLf;
    else if (nextLf < 0) i = nextCr;
    else i = nextCr < nextLf ? nextCr : nextLf;
    if (i < 0) break;
    let next = i + 1;
    if (i === nextCr && i + 1 === nextLf) {
      next = i + 2;
      crlf++;
    } else if (i === nextCr) cr++;
    else lf++;
    lines.push({ index: lines.length, start, end: i, next, text: text.slice(start, i) });
    start = next;
  }
  lines.push({ index: lines.length, start, end: n, next: n, text: text.slice(start, n) });
  const eol: Eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  return { lines, eol, mixedEol: kinds > 1, bom };
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Index of the line holding `offset` (the last line starting at or before it). */
/** Look-ups before PositionMapper indexes the line starts. */
const INDEX_AFTER = 256;

export function lineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps offsets to positions by binary search over line starts. No set-up cost for a few
 * look-ups (a keystroke's); after `INDEX_AFTER` of them the starts are copied into one
 * typed array, which a search reads without visiting a line object per step.
 */
export class PositionMapper {
  private lookups = 0;
  private starts: Int32Array | null = null;
  constructor(private readonly table: LineTable) {}
  private lineOf(offset: number): number {
    if (this.starts === null && ++this.lookups > INDEX_AFTER) {
      const lines = this.table.lines;
      this.starts = new Int32Array(lines.length);
      for (let i = 0; i < lines.length; i++) this.starts[i] = lines[i].start;
    }
    if (this.starts === null) return lineAt(this.table.lines, offset);
    // lineAt over the array.
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  position(offset: number): Position {
    const lo = this.lineOf(offset);
    const line = this.table.lines[lo];
    // Columns count from the true start of the line: on the first line that is before a
    // BOM, which an editor that keeps the BOM in its text counts as a character (VS Code
    // strips it; then there is none). An offset inside a CRLF pair or past the line's
    // content clamps to the line's end.
    const base = lo === 0 ? 0 : line.start;
    const character = Math.min(Math.max(0, offset - base), line.end - base);
    return { line: lo, character };
  }
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
  offset(pos: Position): number {
    const lines = this.table.lines;
    if (pos.line < 0) return lines[0].start;
    if (pos.line >= lines.length) return lines[lines.length - 1].end;
    const l = lines[pos.line];
    const base = pos.line === 0 ? 0 : l.start;
    return Math.min(base + Math.max(0, pos.character), l.end);
  }
}

/** Never end a range between the two halves of a surrogate pair. */
export function snapToCodePoint(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const prev = text.charCodeAt(offset - 1);
  const cur = text.charCodeAt(offset);
  if (prev >= 0xd800 && prev <= 0xdbff && cur >= 0xdc00 && cur <= 0xdfff) return offset - 1;
  return offset;
}

/**
 * [fn(0), ..., fn(n - 1)], built with push. The per-line arrays of a segment are made this
 * way, not with map() or slice(): arrays those make differ in elements kind with the tier
 * of the code making them, and optimised code that met the other kind bailed out ("wrong
 * map") and was recompiled, 50-300 ms of compiling each time for analyzeSegment.
 */
export function perLine<T>(n: number, fn: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(fn(i));
  return out;
}
