// Memo tables keyed by a line's text, for the per-line rule functions (pure functions of
// the text and the phrase options). A dump repeats a lot of lines (furniture, templates,
// the same stories in several entries), and the re-judging passes see the same lines again.
// Bounded: a table that fills up is emptied. Keys are copied when stored, so that a line
// sliced from a document does not keep the whole document alive.

/** Entries per table before it is emptied. */
const LIMIT = 65536;
const tables: TextMemo<unknown>[] = [];

export class TextMemo<V> {
  private map = new Map<string, V>();
  constructor() {
    tables.push(this as TextMemo<unknown>);
  }
  get(text: string): V | undefined {
    return this.map.get(text);
  }
  set(text: string, value: V): void {
    if (this.map.size >= LIMIT) this.map.clear();
    // A flat copy of the key (a slice of the document would pin it).
    this.map.set(text.length >= 13 ? (' ' + text).slice(1) : text, value);
  }
  clear(): void {
    this.map.clear();
  }
}

/** Empties every line memo (cold-cache benchmarks, tests). */
export function clearLineMemos(): void {
  for (const t of tables) t.clear();
}
