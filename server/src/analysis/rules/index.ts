// Rule metadata, one entry per rule id. Detection lives in the module named after the rule;
// this table is what the front ends read for titles, default severities and docs links.
import type { RuleId, Severity } from '../model';

export interface RuleMeta {
  id: RuleId;
  /** One line for settings UIs and the README. */
  description: string;
  defaultSeverity: Severity;
  /** Title of the quick fix. */
  fixTitle: string;
  /** Layout rules join or split lines; every other rule deletes text. */
  fixKind: 'delete' | 'layout';
}

export const RULES: Record<RuleId, RuleMeta> = {
  'sponsored-widget': {
    id: 'sponsored-widget',
    description: 'Taboola, Outbrain, Revcontent or MGID-style sponsored link widgets: labels, sponsored headlines, advertisers and call-to-action buttons.',
    defaultSeverity: 'warning',
    fixTitle: 'Delete sponsored block',
    fixKind: 'delete',
  },
  'ad-marker': {
    id: 'ad-marker',
    description: 'Advertisement placeholders ("Advertisement", "Story continues below advertisement", "Anzeige", "Реклама"), alone or glued into a sentence.',
    defaultSeverity: 'warning',
    fixTitle: 'Delete advertisement marker',
    fixKind: 'delete',
  },
  promo: {
    id: 'promo',
    description: 'Newsletter, subscription, app, channel and course promotions and their calls to action.',
    defaultSeverity: 'information',
    fixTitle: 'Delete promotion',
    fixKind: 'delete',
  },
  'site-chrome': {
    id: 'site-chrome',
    description: 'Navigation, share and comment furniture, tag lists, teaser shelves, image captions and credits, tables of contents, second copies of the text, footers and page-end markers.',
    defaultSeverity: 'information',
    fixTitle: 'Delete site chrome',
    fixKind: 'delete',
  },
  'inline-teaser': {
    id: 'inline-teaser',
    description: '"ALSO READ | ...", "Read more: ...", "Lesen Sie auch: ..." teasers for other stories inside an article body.',
    defaultSeverity: 'information',
    fixTitle: 'Delete teaser',
    fixKind: 'delete',
  },
  'broken-line': {
    id: 'broken-line',
    description: 'Link text split onto lines of its own ("Telegram" / "and" / ", citing ..."); the fix joins the lines.',
    defaultSeverity: 'hint',
    fixTitle: 'Join broken lines',
    fixKind: 'layout',
  },
  'glued-heading': {
    id: 'glued-heading',
    description: 'A subheading glued to the next sentence ("DIPLOMATIC DIALOGUE Turkey", "MOSCOWLavrov"); the fix puts it on a line of its own.',
    defaultSeverity: 'hint',
    fixTitle: 'Split glued heading',
    fixKind: 'layout',
  },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];
