// The document model: everything the front ends (LSP server, CLI) need, computed once.
// Offsets index the document string; ranges are the same spans as LSP positions.
import type { Range } from './text';

export type RuleId =
  | 'sponsored-widget'
  | 'ad-marker'
  | 'promo'
  | 'site-chrome'
  | 'inline-teaser'
  | 'broken-line'
  | 'glued-heading';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One replacement in document offsets. A deletion has `newText === ''`. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
  range: Range;
}

export interface Fix {
  /** Title of the quick fix, e.g. "Delete sponsored block". */
  title: string;
  /** Deleting fixes make up `clean`; layout fixes (join/split) only run with `--layout`. */
  kind: 'delete' | 'layout';
  edits: Edit[];
}

export interface Residue {
  rule: RuleId;
  message: string;
  severity: Severity;
  /** Span the finding covers (for a block: from its first to its last character). */
  start: number;
  end: number;
  range: Range;
  /** Why it fired, in words a user can check against the text. */
  evidence: string;
  fix: Fix;
  /** Index into `DumpModel.articles` of the article it sits in, or -1 outside any. */
  article: number;
  /** `rule`: a phrase or structure rule fired; `classifier`: the page classifier judged the
   *  line furniture by its shape and position (a guess, weaker evidence that the text is a
   *  news dump at all). A block mixing both counts as `rule`. */
  origin: 'rule' | 'classifier';
}

export interface Section {
  title: string;
  /** The subheading line. */
  titleRange: Range;
  /** From the subheading to the end of the section's text. */
  range: Range;
}

export interface Article {
  headline: string;
  headlineRange: Range | null;
  source: string | null;
  /** Publication time as written ("31 minutes ago", "Updated: Jul 2, 2026"). */
  published: string | null;
  byline: string | null;
  /** The article's text without its header lines. */
  bodyRange: Range;
  /** Header, body and the residue inside it. */
  range: Range;
  sections: Section[];
  /** `main` is the page's own story; `related` ones come from an aggregator shelf. */
  role: 'main' | 'related' | 'entry';
}

export interface Group {
  title: string;
  range: Range;
  /** Indices into `DumpModel.articles`. */
  articles: number[];
}

export interface DumpModel {
  /** Total length of the analysed text. */
  length: number;
  lineCount: number;
  eol: '\n' | '\r\n' | '\r';
  mixedEol: boolean;
  bom: boolean;
  /** Set when the text is not analysed (binary data, empty): a message for the user. */
  notice: string | null;
  /** The dump's overall layout, as detected. */
  shape: DumpShape;
  articles: Article[];
  groups: Group[];
  /** Sorted by start offset; never overlapping. */
  residue: Residue[];
}

export type DumpShape = 'empty' | 'binary' | 'single' | 'aggregator' | 'scraper' | 'page';
