// Names shared by every LSP module: one place for the diagnostic source, the docs links and
// the custom method names (the client and the protocol tests use the same strings).
import type { RuleId } from '../analysis/model';

export const SOURCE = 'newsdump';
export const LANGUAGE_ID = 'newsdump';

/** README anchor of a rule's documentation. */
export const RULE_DOCS_BASE = 'https://github.com/newsdump/newsdump#rule-';
export function ruleHref(rule: RuleId): string {
  return RULE_DOCS_BASE + rule;
}

export const FIX_ALL_KIND = 'source.fixAll.newsdump';
/** Sub-kind of quickfix for "Delete all residue in this article". */
export const ARTICLE_FIX_KIND = 'quickfix.newsdump.article';

export const COMMAND_APPLY_FIX_ALL = 'newsdump.applyFixAll';

export const REQUEST_STATISTICS = 'newsdump/statistics';
export const REQUEST_ARTICLES_JSONL = 'newsdump/articlesJsonl';
/** The fix-all edits for a file's text that need not be open (workspace clean). */
export const REQUEST_CLEAN_TEXT = 'newsdump/cleanText';
export const NOTIFICATION_STATUS = 'newsdump/status';
