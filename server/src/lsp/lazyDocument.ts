// An open document on the server's main thread that does not rebuild its text on every
// keystroke. vscode-languageserver-textdocument's TextDocument splices a new string per
// change, which makes V8 copy the whole text (flatten) on the next change: 100 MB per
// keystroke in a 50 MB dump. The analysis worker keeps its own text, so the main thread
// rarely needs the string at all: this document keeps the text it was opened with plus the
// changes since (up to MAX_PENDING, then it folds them in), maintains the line offsets exactly
// as TextDocument does (same positions -> offsets, quirks included), and builds the string
// only when asked (getText, or a snapshot of one version taken for an analysis).
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OffsetChange } from './worker';

const MAX_PENDING = 64;

function isEOL(ch: number): boolean {
  return ch === 13 || ch === 10;
}

function computeLineOffsets(text: string, isAtLineStart: boolean, textOffset = 0): number[] {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

function wellformed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}

type Piece = [string, number, number]; // a string and the [from, to) span of it used

/** The part [from, to) of the text `pieces` make up. */
function clip(pieces: readonly Piece[], from: number, to: number, out: Piece[]): void {
  let pos = 0;
  for (const [s, f, t] of pieces) {
    const a = pos;
    pos += t - f;
    const lo = Math.max(from, a);
    const hi = Math.min(to, pos);
    if (hi > lo) out.push([s, f + (lo - a), f + (hi - a)]);
  }
}

/** `base` with `edits` (each in the offsets of the text the ones before it produced) applied, copied once. */
export function materialize(base: string, edits: readonly OffsetChange[]): string {
  if (edits.length === 0) return base;
  let pieces: Piece[] = [[base, 0, base.length]];
  let total = base.length;
  for (const e of edits) {
    const next: Piece[] = [];
    clip(pieces, 0, e.start, next);
    if (e.text) next.push([e.text, 0, e.text.length]);
    clip(pieces, e.end, total, next);
    total += e.text.length - (e.end - e.start);
    pieces = next;
  }
  return pieces.map(([s, f, t]) => (f === 0 && t === s.length ? s : s.slice(f, t))).join('');
}

export class LazyDocument implements TextDocument {
  private base: string;
  private edits: OffsetChange[] = [];
  private length: number;
  private lineOffsets: number[] | undefined;

  constructor(readonly uri: string, readonly languageId: string, public version: number, content: string) {
    this.base = content;
    this.length = content.length;
  }

  /** Length of the text in UTF-16 code units (no string built). */
  get textLength(): number {
    return this.length;
  }

  getText(range?: Range): string {
    if (this.edits.length > 0) {
      this.base = materialize(this.base, this.edits);
      this.edits = [];
    }
    if (range) return this.base.substring(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.base;
  }

  /** The text of the current version, built when (and if) called; later edits do not change it. */
  snapshot(): () => string {
    const base = this.base;
    const edits = this.edits.slice();
    let text: string | undefined;
    return () => (text ??= materialize(base, edits));
  }

  private charCodeAt(i: number): number {
    for (let j = this.edits.length - 1; j >= 0; j--) {
      const e = this.edits[j];
      if (i < e.start) continue;
      const ins = e.text.length;
      if (i < e.start + ins) return e.text.charCodeAt(i - e.start);
      i = i - ins + (e.end - e.start);
    }
    return this.base.charCodeAt(i);
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  /**
   * Applies the changes as TextDocument.update does and returns them in offsets (each in the
   * offsets of the text the changes before it produced).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): OffsetChange[] {
    const out: OffsetChange[] = [];
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) {
        const range = wellformed(change.range);
        // TextDocument's line table can go wrong ("\r" then "\n" typed after it) and give NaN;
        // its substring() reads NaN as 0, and so does this.
        const startOffset = this.offsetAt(range.start) || 0;
        const endOffset = this.offsetAt(range.end) || 0;
        const c = { start: startOffset, end: endOffset, text: change.text };
        out.push(c);
        this.edits.push(c);
        this.length += change.text.length - (endOffset - startOffset);
        const startLine = Math.max(range.start.line, 0);
        const endLine = Math.max(range.end.line, 0);
        let lineOffsets = this.lineOffsets!; // set by offsetAt above
        const added = computeLineOffsets(change.text, false, startOffset);
        if (endLine - startLine === added.length) {
          for (let i = 0, len = added.length; i < len; i++) lineOffsets[i + startLine + 1] = added[i];
        } else if (added.length < 10000) {
          lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
        } else {
          this.lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
        }
        const diff = change.text.length - (endOffset - startOffset);
        if (diff !== 0) {
          for (let i = startLine + 1 + added.length, len = lineOffsets.length; i < len; i++) lineOffsets[i] = lineOffsets[i] + diff;
        }
        if (this.edits.length > MAX_PENDING) this.getText();
      } else {
        out.push({ start: 0, end: this.length, text: change.text });
        this.base = change.text;
        this.edits = [];
        this.length = change.text.length;
        this.lineOffsets = undefined;
      }
    }
    this.version = version;
    return out;
  }

  private getLineOffsets(): number[] {
    if (this.lineOffsets === undefined) this.lineOffsets = computeLineOffsets(this.getText(), true);
    return this.lineOffsets;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.length;
    const offset = Math.min(lineOffset + position.character, nextLineOffset);
    return this.ensureBeforeEOL(offset, lineOffset);
  }

  private ensureBeforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}
