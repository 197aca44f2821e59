// Steps 1-4 of a segment's analysis: which whole lines are residue, and the role of every
// line. Phrase and block rules first; then the page classifier, which reads the lines the
// rules left; then the passes that mend its cut where the layout says more than its
// features do (a headline above its date, what stands above the headline, what follows the
// story's closers, sentences and subheadings it split off).
import type { RuleId } from './model';
import { classifyPage, LineRole, PageInput, PageVerdict } from './page/classify';
import type { LineFacts } from './lineMemo';
import { isIgnored, PhraseOptions } from './lineRules';
import { dropAfterClosers, dropDanglingLabels, proseWordCounts } from './closers';
import { findWidgetBlocks } from './rules/sponsoredWidget';
import { findTocBlocks } from './rules/tableOfContents';
import { findGluedTeasers } from './rules/gluedTeaser';
import { findCommentBlocks, findCommentSections } from './rules/commentThread';
import { findReplyForms } from './rules/replyForm';
import { findShelfBlocks } from './rules/linkShelf';
import { findRepeatedPassages } from './rules/repeatedPassage';
import { matchButtonLine } from './rules/promo';
import { matchPostNav, matchStarRating } from './rules/siteChrome';
import type { LineHit } from './rules/types';
import { endsSentence, isHeadlineShape, isProse, isTimeLine, normalize, startsContinuation, wordCount, wordCountUpTo } from './shape';
import { perLine } from './text';

/** Steps 1-4: which whole lines are residue, and the role of every line. */
export function wholeLines(
  texts: string[], original: string[], headline: number, header: boolean[], phrases: PhraseOptions, layoutHeadline: boolean,
  matched: readonly (LineHit | null)[], facts: readonly LineFacts[], prose: readonly boolean[],
): { roles: LineRole[]; lineRule: (LineHit | null)[]; verdictHeadline: number | null } {
  const n = texts.length;
  // `texts` are the lines as their shape is judged (word-spaced), `original` as written:
  // phrases (widget labels, the user's ignore list) are matched on those.
  const ignored = (i: number) => isIgnored(original[i], phrases);
  const isProtected = (i: number) => header[i] || i === headline;

  // 1. Phrase rules, line by line.
  const hits: (LineHit | null)[] = perLine(n, (i) => (isProtected(i) ? null : matched[i]));
  // 2. Sponsored widgets span several lines; they override single-line verdicts.
  for (const b of findWidgetBlocks(original, facts)) {
    for (let i = b.first; i <= b.last; i++) {
      if (isProtected(i) || texts[i].trim() === '' || ignored(i)) continue;
      hits[i] = { rule: 'sponsored-widget', evidence: b.evidence };
    }
  }
  //    A table of contents: its label and the section links that recur below as subheadings.
  //    Reader comments: "Jane says:" lines, two or more, and what follows each; or a
  //    "36 Comments" label and comments that each carry a time, a Reply button or a score.
  //    A shelf of links: a "Related articles" label and the headlines under it.
  //    A blog's comment form: "Leave a Reply", its notes and its field labels.
  const sections = findCommentSections(original, facts);
  const comments = [...findCommentBlocks(original, facts), ...sections];
  const forms = findReplyForms(original, facts);
  const blocks = [...findTocBlocks(original), ...comments, ...findShelfBlocks(original, facts), ...forms, ...findGluedTeasers(original, facts)];
  for (const b of blocks) {
    for (let i = b.first; i <= b.last; i++) {
      if (isProtected(i) || texts[i].trim() === '' || ignored(i) || (hits[i] && !hits[i]!.weak)) continue;
      hits[i] = { rule: b.rule, evidence: b.evidence };
    }
  }
  // 3. Furniture at the edges: a run of short lines before the first or after the last
  //    prose line, in which phrase rules already found several, is furniture throughout.
  markEdgeRuns(texts, hits, isProtected, ignored, prose);

  const strong = perLine(n, (i) => (hits[i] && !hits[i]!.weak ? hits[i]!.rule : null));
  // A comment section's label may quote the post's title: the headline picker's best hint.
  const quotedTitle = sections.find((b) => b.title !== undefined)?.title ?? null;
  const input = { lines: texts, headline: headline >= 0 ? headline : null, ruled: strong, header, quotedTitle };
  const verdict = layoutHeadline ? rulesOnly(input) : classifyPage(input);
  const roles = perLine(n, (i) => verdict.roles[i]);
  if (!layoutHeadline) headlineAboveTimestamp(texts, roles, verdict, strong);
  if (!layoutHeadline && verdict.headline !== null) dropAboveHeadline(texts, roles, verdict.headline, prose);
  if (!layoutHeadline && verdict.headline !== null) {
    dropAfterClosers({ texts, roles, verdict, prose, words: proseWordCounts(texts, prose) }, original, facts, [...comments, ...forms]);
  }
  if (headline >= 0) keepProseUnderKnownHeadline(texts, roles, strong, prose);
  keepBrokenSentences(texts, roles, strong);
  keepSandwichedHeadings(texts, roles, strong, prose);
  markHeaderLines(texts, roles, headline >= 0 ? headline : verdict.headline);
  dropDanglingLabels(texts, original, roles, verdict);

  // 4. Whole-line residue: rule hits, classifier furniture, and weak hits next to either.
  const lineRule: (LineHit | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (isProtected(i) || texts[i].trim() === '') continue;
    if (hits[i] && !hits[i]!.weak) lineRule[i] = hits[i];
    else if (roles[i] === 'chrome' && !ignored(i)) lineRule[i] = { rule: 'site-chrome', evidence: verdict.evidence[i] ?? 'page furniture outside the article body', classifier: true };
  }
  for (let i = 0; i < n; i++) {
    if (!hits[i]?.weak || lineRule[i]) continue;
    // "Telegram" / "and" / ", citing ...": a name that runs on into the next line is a word
    // of a sentence, not a share button.
    const runsOn = !endsSentence(texts[i]) && i + 1 < n && startsContinuation(texts[i + 1]) && !lineRule[i + 1];
    if (!runsOn && (neighbourIsResidue(texts, lineRule, i) || neighbourIsWeak(texts, hits, i))) lineRule[i] = hits[i];
  }
  // A second copy of a passage (paragraphs that repeat earlier ones word for word) goes
  // whatever the classifier made of it; judged after the classifier, so that the copy's
  // lines still count as the page's text for it (the layout it reads is the page's).
  for (const b of findRepeatedPassages(original, facts)) {
    for (let i = b.first; i <= b.last; i++) {
      if (lineRule[i] || isProtected(i) || texts[i].trim() === '' || ignored(i) || roles[i] === 'headline') continue;
      lineRule[i] = { rule: b.rule, evidence: b.evidence };
    }
  }
  // Links to the neighbouring posts, the same way (they sit among the article's last lines).
  for (let i = 0; i < n; i++) {
    if (lineRule[i] || roles[i] === 'headline' || isProtected(i) || ignored(i)) continue;
    const hit = matchPostNav(original[i]) ?? matchButtonLine(original[i]) ?? matchStarRating(original[i]);
    if (hit) lineRule[i] = hit;
  }
  for (let i = 0; i < n; i++) if (lineRule[i]) roles[i] = 'chrome';
  return { roles, lineRule, verdictHeadline: verdict.headline };
}

/**
 * A timestamp is never a headline, nor is a paragraph's first sentence. When the model picks
 * the date line ("2026年11月15日 14時05分"), or a line that ends like a sentence right under a
 * date line, the headline is the headline-shaped line above the date: pages print the date
 * under the headline, and the model's other cues (capitals, position after the menu) fail in
 * scripts without case.
 */
/** Short lines (a name, "By Jane Doe") that may stand between a headline and its date. */
const BYLINES_OVER_DATE = 2;
const BYLINE_WORDS = 4;

function headlineAboveTimestamp(texts: string[], roles: LineRole[], verdict: PageVerdict, strong: readonly (RuleId | null)[]): void {
  const h = verdict.headline;
  if (h === null) return;
  const above = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (texts[k].trim() !== '') return k;
    return -1;
  };
  let date = -1;
  if (isTimeLine(texts[h])) date = h;
  else if (endsSentence(texts[h])) {
    const d = above(h);
    if (d >= 0 && isTimeLine(texts[d])) date = d;
  }
  if (date < 0) return;
  // The headline is right above the date, or above a byline or two ("山田花子", "By Jane Doe").
  let i = above(date);
  const bylines: number[] = [];
  for (; i >= 0 && bylines.length < BYLINES_OVER_DATE; i = above(i)) {
    if (isHeadlineShape(texts[i]) && !endsSentence(texts[i])) break;
    if (strong[i] || wordCountUpTo(texts[i], BYLINE_WORDS + 1) > BYLINE_WORDS) return;
    bylines.push(i);
  }
  if (i < 0 || strong[i] || !isHeadlineShape(texts[i]) || endsSentence(texts[i])) return;
  // What stands between the headline and its date is the article's byline, kept as such.
  for (const b of bylines) roles[b] = 'byline';
  roles[i] = 'headline';
  if (roles[date] !== 'chrome') roles[date] = 'dateline';
  if (h !== date) roles[h] = 'body';
  verdict.headline = i;
}

/**
 * On a copied page, everything above the article's headline is the site's (menus, tickers,
 * breadcrumbs, teasers): 25% of the residue of the WCXB pages sits there, and 0.1% of their
 * article text. So once the classifier has placed the headline, the lines above it go, as
 * long as the headline really opens the article: most of the prose must come after it.
 */
function dropAboveHeadline(texts: string[], roles: LineRole[], headline: number, prose: readonly boolean[]): void {
  let proseBefore = 0;
  let proseAfter = 0;
  for (let i = 0; i < texts.length; i++) {
    if (roles[i] === 'chrome' || roles[i] === 'blank' || !prose[i]) continue;
    if (i < headline) proseBefore += wordCount(texts[i]);
    else proseAfter += wordCount(texts[i]);
  }
  if (proseAfter < 40 || proseBefore > proseAfter * ABOVE_HEADLINE_SHARE) return;
  for (let i = 0; i < headline; i++) {
    if (roles[i] === 'body' || roles[i] === 'heading') roles[i] = 'chrome';
  }
}
/** Most prose after the headline: at most a quarter of its words may stand above it. */
const ABOVE_HEADLINE_SHARE = 0.25;

/**
 * A sentence split over lines ("... development of a" / "state-backed messaging app" /
 * "integrated with ...") is article text all along: a fragment the classifier called
 * furniture is kept when the kept text around it runs through it.
 */
function keepBrokenSentences(texts: string[], roles: LineRole[], ruled: (RuleId | null)[]): void {
  const keptRole = (r: LineRole) => r !== 'chrome' && r !== 'blank';
  const candidate = (i: number) => roles[i] === 'chrome' && !ruled[i] && texts[i].trim() !== '';
  // One pass down (a fragment continuing kept text) and one up (a fragment that kept text
  // continues): linear, and enough for chains that run either way.
  for (let i = 1; i < texts.length; i++) {
    if (candidate(i) && keptRole(roles[i - 1]) && !endsSentence(texts[i - 1]) && startsContinuation(texts[i])) roles[i] = 'body';
  }
  for (let i = texts.length - 2; i >= 0; i--) {
    if (candidate(i) && keptRole(roles[i + 1]) && !endsSentence(texts[i]) && startsContinuation(texts[i + 1])) roles[i] = 'body';
  }
}

/**
 * A short title-like line with kept prose right above and below it is the article's own
 * subheading ("PUSHES FOR DIPLOMATIC DIALOGUE", "How the chase unfolded"), whatever its shape
 * suggested to the classifier.
 */
function keepSandwichedHeadings(texts: string[], roles: LineRole[], ruled: (RuleId | null)[], prose: readonly boolean[]): void {
  const n = texts.length;
  const keptProse = (j: number) => j >= 0 && j < n && roles[j] !== 'chrome' && roles[j] !== 'blank' && prose[j];
  for (let i = 0; i < n; i++) {
    if (roles[i] !== 'chrome' || ruled[i]) continue;
    const t = texts[i].trim();
    if (t === '' || wordCount(t) > 15 || endsSentence(t)) continue;
    let p = i - 1;
    while (p >= 0 && roles[p] === 'blank') p--;
    let q = i + 1;
    while (q < n && roles[q] === 'blank') q++;
    if (keptProse(p) && keptProse(q)) roles[i] = 'body';
  }
}

/**
 * When the layout names the headline (an aggregator entry, a scraper record), the prose under
 * it is that article's body by construction: the classifier, trained on whole web pages, may
 * drop short furniture there but never a sentence of prose.
 */
function keepProseUnderKnownHeadline(texts: string[], roles: LineRole[], ruled: (RuleId | null)[], prose: readonly boolean[]): void {
  for (let i = 0; i < texts.length; i++) {
    if (roles[i] === 'chrome' && !ruled[i] && prose[i]) roles[i] = 'body';
  }
}

// A lead, then a name: any letter (under `i`, \p{Lu} matched lower-case ones too, and many
// bylines are user names in lower case: "by whova", "By uclahealth").
const BYLINE = /^(?:by|written by|words by|von|par|por|di|de|door|av|af|автор|текст)\s*:?\s+\p{L}/iu;
const DATELINE = /^(?:(?:updated|published|posted|last updated|first published|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|обновлено|опубликовано)(?![\p{L}\p{N}]).{0,60}\d|.{0,40}\b\d{4}\b.{0,30}\d{1,2}[:.]\d{2}.{0,12})$/iu;

/** The byline and dateline under a headline are the article's metadata, not its sections. */
function markHeaderLines(texts: string[], roles: LineRole[], headline: number | null): void {
  if (headline === null) return;
  let seen = 0;
  for (let i = headline + 1; i < texts.length && seen < 4; i++) {
    const t = texts[i].trim();
    if (t === '' || roles[i] === 'chrome') continue;
    seen++;
    if (roles[i] !== 'body' && roles[i] !== 'heading') continue;
    if (t.length > 120 || endsSentence(t) && wordCount(t) > 8) break;
    if (BYLINE.test(t) && wordCount(t) <= 12) roles[i] = 'byline';
    else if (isTimeLine(t) || (DATELINE.test(t) && wordCount(t) <= 12)) roles[i] = 'dateline';
    else if (isProse(t)) break;
  }
}

/**
 * The verdict for a segment whose layout named the headline (an aggregator entry, a scraper
 * record): the layout already cut the article out, so the rules alone judge its lines. The
 * page classifier, trained on whole web pages, is for text with no such layout; here it
 * would cost most of the analysis time for lines it may not remove anyway.
 */
export function rulesOnly(input: PageInput): PageVerdict {
  const n = input.lines.length;
  const roles: LineRole[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (input.lines[i].trim() === '') roles[i] = 'blank';
    else if (i === input.headline) roles[i] = 'headline';
    else if (input.header[i]) roles[i] = 'dateline';
    else roles[i] = input.ruled[i] ? 'chrome' : 'body';
  }
  return { roles, evidence: new Array(n).fill(null), headline: input.headline, scores: new Array(n).fill(0) };
}

/**
 * Two furniture words in a row, each alone on its line and written as just the word
 * ("Teilen" / "Drucken", "Share" / "Save", "Facebook" / "Twitter"): a share bar. (On the
 * corpus pages, 41 of 43 such lines are residue in the gold; the other two were table cells
 * such as ".#X#", which the plain-word test leaves out.)
 */
function neighbourIsWeak(texts: string[], hits: (LineHit | null)[], i: number): boolean {
  if (!isPlainWord(texts[i])) return false;
  for (const dir of [-1, 1]) {
    for (let j = i + dir; j >= 0 && j < texts.length; j += dir) {
      if (texts[j].trim() === '') continue;
      if (hits[j]?.weak && isPlainWord(texts[j])) return true;
      break;
    }
  }
  return false;
}
/** The line is its words, with at most one mark around them ("Share:", "Email*"). */
function isPlainWord(t: string): boolean {
  return t.trim().length - normalize(t).length <= 1;
}

function neighbourIsResidue(texts: string[], lineRule: (LineHit | null)[], i: number): boolean {
  for (const dir of [-1, 1]) {
    for (let j = i + dir; j >= 0 && j < texts.length; j += dir) {
      if (texts[j].trim() === '') continue;
      if (lineRule[j]) return true;
      break;
    }
  }
  return false;
}

function markEdgeRuns(
  texts: string[], hits: (LineHit | null)[], isProtected: (i: number) => boolean, ignored: (i: number) => boolean, prose: readonly boolean[],
): void {
  const n = texts.length;
  // The last prose line no rule claimed (searched from the end: only the run after it counts).
  let lastProse = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (!hits[i] && prose[i]) {
      lastProse = i;
      break;
    }
  }
  if (lastProse < 0) return;
  const mark = (from: number, to: number) => {
    // The run starts at its first furniture line: what sits between the last sentence and
    // it ("(With inputs from PTI)", a signature) closes the article.
    while (from <= to && !(hits[from] && !hits[from]!.weak)) from++;
    let found = 0;
    let lines = 0;
    for (let i = from; i <= to; i++) {
      if (texts[i].trim() === '' || isProtected(i)) continue;
      lines++;
      if (hits[i] && !hits[i]!.weak) found++;
    }
    if (found < 2 || found < lines * 0.4) return;
    for (let i = from; i <= to; i++) {
      if (texts[i].trim() === '' || isProtected(i) || ignored(i)) continue;
      if (!hits[i] || hits[i]!.weak) hits[i] = { rule: 'site-chrome', evidence: 'part of a run of page furniture after the article text' };
    }
  };
  mark(lastProse + 1, n - 1);
}
