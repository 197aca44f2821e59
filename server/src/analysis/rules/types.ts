import type { RuleId } from '../model';

/** A span inside one line, in offsets relative to the line's start. */
export interface InlineHit {
  rule: RuleId;
  start: number;
  end: number;
  evidence: string;
  /** Replacement text; '' deletes. Layout rules insert a line break or a space. */
  newText?: string;
  /** Layout: this break goes before a heading (a second hit breaks after it). */
  before?: boolean;
}

/** A whole-line verdict from a phrase rule. `weak` lines count only inside a run of others. */
export interface LineHit {
  rule: RuleId;
  evidence: string;
  weak?: boolean;
  /** Set when the page classifier, not a phrase rule, made the call. */
  classifier?: boolean;
}

/** Whole lines `first`..`last` that a structural rule (a table of contents, a comment
 *  section, a shelf of links, a comment form, a repeated passage) judged residue. */
export interface BlockHit {
  first: number;
  last: number;
  rule: RuleId;
  evidence: string;
}
