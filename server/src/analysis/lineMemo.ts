// Memo tables keyed by a line's text, for the per-line rule functions (pure functions of
// the text and the phrase options). A dump repeats a lot of lines (furniture, templates,
// the same stories in several entries), and the re-judging passes see the same lines again.
// Bounded: a table that fills up is emptied. Keys are copied when stored, so that a line
// sliced from a document does not keep the whole document alive.
import type { InlineHit, LineHit } from './rules/types';

/** Entries per table before it is emptied. */
const LIMIT = 65536;
const tables: TextMemo<unknown>[] = [];

/** A copy of `text` that shares no memory with it (a slice of the document would pin it). */
export function copyOf(text: string): string {
  // Shorter strings are copied by slice already; longer ones become views of their parent.
  return text.length >= 13 ? (' ' + text).slice(1) : text;
}

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
    this.map.set(copyOf(text), value);
  }
  clear(): void {
    this.map.clear();
  }
}

/**
 * What the per-line rules worked out about one line's text, filled in as they ask. One
 * table for all of them: looking a line up (hashing it, comparing it with the stored copy)
 * cost more than the rules themselves once every rule had a table of its own, so a segment
 * looks each line up once (`lineFacts`) and hands the entry to every rule.
 * Results that depend on options carry the options' generation (see lineRules.ts) or the
 * end-of-line string they were made with; a stale one is recomputed. Shared objects:
 * callers must not mutate them.
 */
/** The yes/no tests a rule remembers per line text: -1 until worked out, then 0 or 1. */
export type LineFlag = 'author' | 'commentLabel' | 'shelfLabel' | 'formSeed' | 'formNote' | 'gluedTeaser';

/** `test(text)`, remembered in `facts[flag]` when the line's facts are at hand. */
export function rememberedTest(text: string, facts: LineFacts | undefined, flag: LineFlag, test: (t: string) => boolean): boolean {
  if (!facts) return test(text);
  if (facts[flag] < 0) facts[flag] = test(text) ? 1 : 0;
  return facts[flag] === 1;
}

let nextFactsId = 0;

export class LineFacts {
  /** Tells entries apart (lookReuse.ts keys a run of lines by its entries' ids). */
  readonly id = nextFactsId++;
  /** matchLine's verdict, for phrase options of generation `matchGen`. */
  match: LineHit | null = null;
  matchGen = -1;
  /** findInline's hits, for phrase options of generation `inlineGen`. */
  inline: InlineHit[] | null = null;
  inlineGen = -1;
  /** findGluedHeadings' hits, for line ends `gluedEol`. */
  glued: InlineHit[] | null = null;
  gluedEol = '';
  /** The sponsored-widget rule's bits for the line (0: not worked out yet). */
  widgetKind = 0;
  /** The comment-thread rule's author-line test: 1 yes, 0 no, -1 not worked out yet. */
  author = -1;
  /** The comment-section label test ("36 Comments"), the same way. */
  commentLabel = -1;
  /** The link-shelf label test ("Related articles"), the same way. */
  shelfLabel = -1;
  /** The comment-form rule's heading-or-field-label test ("Leave a Reply", "Name *"), the same way. */
  formSeed = -1;
  /** Its note test ("Your email address will not be published"), the same way. */
  formNote = -1;
  /** The teaser-card rule's title-glued-to-excerpt test, the same way. */
  gluedTeaser = -1;
  /** wordSpaced(text) when it differs from the text; null when it is the text itself
   *  (not kept: it would pin the document the line was sliced from); undefined: not yet. */
  spaced: string | null | undefined = undefined;
  /** isProse of the word-spaced text: 1 yes, 0 no, -1 not worked out yet. */
  prose = -1;
  /** The repeated-passage rule's scratch: the first line holding this text in the scan
   *  stamped `seenStamp` (a scan of one segment; no map of every line's text). */
  seenStamp = 0;
  seenAt = -1;
}

const facts = new TextMemo<LineFacts>();

/** The shared entry for a line's text (created empty on first sight). */
export function lineFacts(text: string): LineFacts {
  let f = facts.get(text);
  if (f === undefined) {
    f = new LineFacts();
    facts.set(text, f);
  }
  return f;
}

/** Empties every line memo (cold-cache benchmarks, tests). */
export function clearLineMemos(): void {
  for (const t of tables) t.clear();
}
