// Readers' comments (or the form to write one) close a copied page's article: what the page
// prints below them is its own (teaser cards with their excerpts, "Upcoming", newsletter
// boxes, the footer), and prose there reads like the story to the classifier. So once a
// comment section follows the story, the lines after it go, unless they read like another
// post: paragraphs in a row and much of the page's prose, or comments of their own (a blog's
// front page). A bare label ("Comments", "12 Comments") opens a section too, where the
// comments under it were not recognised (or are loaded by script and missing), but does not
// count as another post's comments: teaser cards print "8 comments" under each.
// A shelf label ("Related articles", "More on X"), an author box ("About the author"), a
// share label ("Share this article") or a tag list ("Tags: ...") after the story closes it
// the same way, but only when no two paragraphs in a row follow (a "Related:" box inside
// the article, or share buttons between its paragraphs, are followed by the rest of the
// story; then a later label may still close it), no numbered headings follow (a list
// article's next items), and what follows holds no more prose than the story above (else
// the page is a listing and that was its intro). A "Most read" shelf takes six paragraphs in
// a row to be a box inside the story. The site's copyright line, inside the furniture below
// the story, closes the page.
import type { LineRole, PageVerdict } from './page/classify';
import { rememberedTest, type LineFacts } from './lineMemo';
import { isBareCommentLabel } from './rules/commentThread';
import { isLabelLine, isPopularityLabel } from './rules/linkShelf';
import { isEndLabel, isFooterCopyright, isTagLine } from './rules/siteChrome';
import { wordCount } from './shape';

/** The segment's lines as the closers read them. */
export interface Story {
  texts: string[];
  roles: LineRole[];
  verdict: PageVerdict;
  prose: readonly boolean[];
  /** Words of each prose line (0 for the others), counted once for all the closers. */
  words: Int32Array;
}
export function proseWordCounts(texts: readonly string[], prose: readonly boolean[]): Int32Array {
  const w = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) if (prose[i]) w[i] = wordCount(texts[i]);
  return w;
}
interface Closer {
  /** What follows is another story when it has this many paragraphs in a row ... */
  paragraphsInARow: number;
  /** ... and more words than this share of the story's (0: whatever their number). */
  share: number;
  /** What follows is the page's content when its prose outweighs the story's this much (a
   *  listing of reviews under a "More on X" label: the "story" above was its intro). */
  maxShare: number;
  /** Numbered headings below (a list article's items) mean the story goes on. */
  keepNumbered: boolean;
  /** When what follows this closer reads like the story, a later closer may still end it
   *  (a label can be a box inside the story; comments are the story's end or another's). */
  tryLater: boolean;
  evidence: string;
}
const NUMBERED_HEADING = /^\s*(?:\d{1,2}[.)]\s+\S|(?:step|tip|part|schritt|étape|paso|passo|шаг)\s+\d{1,2}\b)/iu;
const COMMENTS_CLOSE: Closer = { paragraphsInARow: 3, share: 0.5, maxShare: Infinity, keepNumbered: false, tryLater: false, evidence: 'after the reader comments or the comment form, which close the article' };
const SHELF_CLOSES: Closer = { paragraphsInARow: 2, share: 0, maxShare: 1, keepNumbered: true, tryLater: true, evidence: 'after a shelf of links to other stories, which closes the article' };
// A shelf of the site's most read stories is the site's, wherever it stands; a box of it
// inside the story is followed by the rest of the story, more paragraphs than the shelf's
// own excerpts (a handful, one per line).
const POPULAR_CLOSES: Closer = { ...SHELF_CLOSES, paragraphsInARow: 6, evidence: 'after a shelf of the most read stories, which closes the article' };
const END_LABEL_CLOSES: Closer = { paragraphsInARow: 2, share: 0, maxShare: 1, keepNumbered: true, tryLater: true, evidence: 'after the author box, share buttons or tags that close the article' };
// Below the site's footer come dialogs, consent texts, community rules and disclaimers: prose
// in paragraphs, so paragraphs in a row say nothing there; only a larger body of prose does.
const FOOTER_CLOSES: Closer = { paragraphsInARow: Infinity, share: 0, maxShare: 1, keepNumbered: true, tryLater: true, evidence: "after the site's footer, which closes the page" };
/** Non-blank lines right above a footer's copyright line that must be furniture (a wire
 *  story's own "© 2019 AP. All rights reserved" follows its last paragraph). */
const FOOTER_RUN = 3;
/** Line i follows FOOTER_RUN lines of furniture: the article ended above them. */
function inFurniture({ texts, roles }: Story, i: number): boolean {
  let seen = 0;
  for (let k = i - 1; k >= 0 && seen < FOOTER_RUN; k--) {
    if (texts[k].trim() === '') continue;
    if (roles[k] !== 'chrome') return false;
    seen++;
  }
  return seen >= FOOTER_RUN;
}
/** Words of the story's prose above a closer, at least. */
const STORY_BEFORE_CLOSER = 100;

/** `blocks`: sections that close the story and mark another post's end when found below it;
 *  `labels`: lines that close it but say nothing about what follows. */
function dropAfterCloser(story: Story, blocks: readonly Span[], labels: readonly Span[], closer: Closer): void {
  const { texts, roles, verdict } = story;
  const h = verdict.headline!;
  const sorted = [...blocks, ...labels].sort((x, y) => x.first - y.first);
  if (sorted.length === 0) return;
  const tail = new Tail(story);
  let lastBlock = -1;
  for (const c of blocks) if (c.first > lastBlock) lastBlock = c.first;
  let k = 0;
  while (k < sorted.length) {
    // A closer after the story: after the headline and some of its prose (a "Most
    // commented" box in the sidebar above the story closes nothing).
    const storyWords = tail.words(h + 1, sorted[k].first);
    if (sorted[k].first <= h || storyWords < STORY_BEFORE_CLOSER) {
      k++;
      continue;
    }
    // Blocks one after the other (one per comment) make one section.
    let end = sorted[k].last;
    for (k++; k < sorted.length; k++) {
      const c = sorted[k];
      if (c.last <= end) continue;
      if (c.first > end + 1 && !onlyBlanksOrChrome(texts, roles, end + 1, c.first)) break;
      end = c.last;
    }
    const after = afterCloser(tail, end, storyWords, lastBlock, closer);
    if (after === 'closes') {
      for (let i = end + 1; i < texts.length; i++) {
        if (roles[i] === 'blank' || roles[i] === 'chrome') continue;
        roles[i] = 'chrome';
        verdict.evidence[i] = closer.evidence;
      }
      return;
    }
    // A label followed by more of the story was a box inside it: a later one may close it.
    if (after === 'content' || !closer.tryLater) return;
  }
}

/** What follows line `end`: furniture ('closes'), more of the story ('story': a label was a
 *  box inside it) or the page's main content ('content': a listing under an intro, another
 *  post, a list article's items). */
function afterCloser(tail: Tail, end: number, storyWords: number, lastBlock: number, closer: Closer): 'closes' | 'story' | 'content' {
  // Another story's end: a section of its own below, under prose of its own (a form split in
  // two by a note is still one form). (The prose above a block only grows with the block's
  // line: the last block tells.)
  if (lastBlock > end && tail.words(end + 1, lastBlock) >= STORY_BEFORE_CLOSER) return 'content';
  // More prose than the story above; a list article's items ("4. Keep a spare key", "Step 5:
  // ...") going on below a box inside it.
  const afterWords = tail.words(end + 1, tail.n);
  if (afterWords > storyWords * closer.maxShare) return 'content';
  if (closer.keepNumbered && tail.numbered(end + 1) >= 2) return 'content';
  // Paragraphs in a row (teaser excerpts come one at a time, between their titles and
  // dates), enough of them.
  if (tail.longestRun(end + 1) >= closer.paragraphsInARow && afterWords > storyWords * closer.share) return 'story';
  return 'closes';
}

/** A paragraph that says the story goes on below a closer has this many words: a teaser's
 *  one-line excerpt, a question headline, a dialog's note are shorter. */
const RUN_PARAGRAPH_WORDS = 20;

/** Per line, what the lines from it on hold: kept prose words (as prefix sums), the longest
 *  run of kept paragraphs of RUN_PARAGRAPH_WORDS or more (blank lines do not break one),
 *  numbered headings. Tables, so that trying closer after closer stays linear. */
class Tail {
  readonly n: number;
  private readonly before: Float64Array;
  private runs: { longest: Int32Array; numbered: Int32Array } | null = null;
  constructor(private readonly story: Story) {
    const { roles, words } = story;
    const n = (this.n = roles.length);
    this.before = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.before[i + 1] = this.before[i] + (roles[i] !== 'chrome' ? words[i] : 0);
  }
  /** Kept prose words of the lines in [from, to). */
  words(from: number, to: number): number {
    return to > from ? this.before[to] - this.before[from] : 0;
  }
  /** The longest run of kept paragraphs from line i on. */
  longestRun(i: number): number {
    return this.tables().longest[i];
  }
  /** Numbered headings from line i on. */
  numbered(i: number): number {
    return this.tables().numbered[i];
  }
  // Worked out for the closers that get this far (most pages have none after the story).
  private tables(): { longest: Int32Array; numbered: Int32Array } {
    if (this.runs) return this.runs;
    const { texts, roles, prose, words } = this.story;
    const n = this.n;
    const longest = new Int32Array(n + 1);
    const numbered = new Int32Array(n + 1);
    let run = 0;
    for (let i = n - 1; i >= 0; i--) {
      let heading = 0;
      if (texts[i].trim() === '') {
        // a blank line neither breaks nor extends a run
      } else if (prose[i] && roles[i] !== 'chrome' && words[i] >= RUN_PARAGRAPH_WORDS) run++;
      else {
        run = 0;
        if (roles[i] !== 'chrome' && NUMBERED_HEADING.test(texts[i])) heading = 1;
      }
      longest[i] = Math.max(run, longest[i + 1]);
      numbered[i] = numbered[i + 1] + heading;
    }
    return (this.runs = { longest, numbered });
  }
}

interface Span {
  first: number;
  last: number;
}

/** The closers' label lines, in one pass over the lines as written (labels are phrases):
 *  comment labels, shelf labels, end labels (author box, share label, tags), footers. */
function closerLabels(lines: readonly string[], facts: readonly LineFacts[]): { comment: Span[]; shelf: Span[]; end: Span[]; footer: Span[] } {
  const out = { comment: [] as Span[], shelf: [] as Span[], end: [] as Span[], footer: [] as Span[] };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (isBareCommentLabel(t)) out.comment.push({ first: i, last: i });
    if (rememberedTest(t, facts[i], 'shelfLabel', isLabelLine)) out.shelf.push({ first: i, last: i });
    if (isEndLabel(t) || isTagLine(t)) out.end.push({ first: i, last: i });
    if (isFooterCopyright(t)) out.footer.push({ first: i, last: i });
  }
  return out;
}

function onlyBlanksOrChrome(texts: string[], roles: LineRole[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (texts[i].trim() !== '' && roles[i] !== 'chrome') return false;
  return true;
}

/**
 * A label left as the last kept line ("About the Author", "Related articles", "Comments")
 * once what it labelled went as furniture: it labels nothing, and goes too. (The boundary
 * model's cut often falls right under it: the author box or shelf below reads as furniture,
 * the label, alone, as the story's last subheading.)
 */
export function dropDanglingLabels(texts: readonly string[], original: readonly string[], roles: LineRole[], verdict: PageVerdict): void {
  let removedBelow = false;
  for (let i = texts.length - 1; i >= 0; i--) {
    if (roles[i] === 'blank') continue;
    if (roles[i] === 'chrome') {
      removedBelow = true;
      continue;
    }
    const t = original[i];
    if (!removedBelow || i === verdict.headline || !(isEndLabel(t) || isLabelLine(t) || isBareCommentLabel(t))) return;
    roles[i] = 'chrome';
    verdict.evidence[i] = 'a label left with nothing under it (what it labelled is furniture)';
  }
}

/**
 * The closers in turn, on a page whose headline the classifier placed: reader comments
 * (`sections`: the comment sections and reply forms found on the page, or a bare label),
 * shelves of links, "most read" shelves, end labels, and the site's footer.
 */
export function dropAfterClosers(story: Story, original: readonly string[], facts: readonly LineFacts[], sections: readonly Span[]): void {
  const labels = closerLabels(original, facts);
  dropAfterCloser(story, sections, labels.comment, COMMENTS_CLOSE);
  dropAfterCloser(story, [], labels.shelf, SHELF_CLOSES);
  dropAfterCloser(story, [], labels.shelf.filter((s) => isPopularityLabel(original[s.first])), POPULAR_CLOSES);
  dropAfterCloser(story, [], labels.end, END_LABEL_CLOSES);
  // (whether furniture stands above a footer is read after the closers above have run)
  dropAfterCloser(story, [], labels.footer.filter((s) => inFurniture(story, s.first)), FOOTER_CLOSES);
}
