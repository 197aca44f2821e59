// Decides, for the lines of one article segment, which are the article (headline, byline,
// dateline, subheadings, body) and which are page furniture around it.
//
// A trained model (scripts/train/, weights in model.json): language-agnostic line features
// (features.ts, each line with its neighbours and its place relative to the densest prose
// run) -> boosted trees -> `chrome` when the residue probability passes the model's
// threshold. A third ensemble scores headline candidates when the layout did not
// name the headline. Linear in the number of lines; deterministic.
import type { RuleId } from '../model';
import { FEATURE_NAMES, NF, pageFeatures } from './features';
import { NS, STACK_NAMES, stackFeatures } from './stack';
import { Ensemble, Forest, sigmoid } from './trees';
import MODEL from './model.json';

export type LineRole = 'blank' | 'headline' | 'byline' | 'dateline' | 'heading' | 'body' | 'chrome';

export interface PageInput {
  /** The segment's lines, without terminators. */
  lines: string[];
  /** Index of the headline when the dump's layout already says it (aggregator, scraper). */
  headline: number | null;
  /** Whole-line phrase-rule hits (these lines are residue whatever the classifier says). */
  ruled: (RuleId | null)[];
  /** Lines that are layout metadata (source/time/"- source"), never residue. */
  header: boolean[];
  /** The post's title as the page's own furniture quotes it ("12 thoughts on “Title”"). */
  quotedTitle?: string | null;
}

export interface PageVerdict {
  roles: LineRole[];
  /** For `chrome` lines: why, in words ("navigation run of 14 short lines before the headline"). */
  evidence: (string | null)[];
  headline: number | null;
  /** Residue probability per line (0 for blank lines), for diagnostics and tuning. */
  scores: number[];
}

interface PageModel {
  chrome: Ensemble;
  headline: Ensemble;
  threshold: number;
  /** Second stage (stack.ts): trees over the line's features and the first-stage scores in
   *  context; when present, its probability (against `stackThreshold`) decides. */
  stack?: Ensemble;
  stackThreshold?: number;
  /** Second-stage headline ranker (see classifyPage). */
  stackHeadline?: Ensemble;
  /** P(line lies after the article's last line), P(before its first line), on the same
   *  features as `stack`: they place the article's two ends (see `articleEnds`). */
  after?: Ensemble;
  before?: Ensemble;
  /** Words of article text the ends may cut, per word of furniture they remove: the higher,
   *  the more sure the boundary models must be. */
  boundaryCost?: number;
  /** Threshold for lines outside the densest prose run, with the second stage. */
  stackOuterThreshold?: number;
  /** The same two, for a segment where no phrase rule fired (most likely a language the
   *  lists do not know): the model has less to go on there, so it must be surer. */
  noRulesBoundaryCost?: number;
  noRulesOuterThreshold?: number;
  /** Threshold for prose inside the densest prose run, with the second stage. */
  stackBodyProse?: number;
}
const model = MODEL as unknown as PageModel;
const chromeForest = new Forest(model.chrome);
const headlineForest = new Forest(model.headline);
const stackForest = model.stack ? new Forest(model.stack) : null;
const headStackForest = model.stackHeadline ? new Forest(model.stackHeadline) : null;
const afterForest = model.after ? new Forest(model.after) : null;
const beforeForest = model.before ? new Forest(model.before) : null;
const IN_REGION = NF + STACK_NAMES.indexOf('inRegion');
/** Headline candidates: lines from this far before the body's start to its end, or a little
 *  after its start when the body is short. (A mega-menu of glued teaser excerpts reads as prose
 *  and starts the body run far above the real headline, which then has to be a candidate.) */
const HEADLINE_BEFORE = 150;
const HEADLINE_AFTER = 12;
const BYLINE_COL = FEATURE_NAMES.indexOf('bylineLike');
const LABEL_COL = FEATURE_NAMES.indexOf('labelColon');

let trace: ((input: PageInput) => void) | null = null;
/** Training hook: records every classifier input (scripts/train/dump.ts). */
export function setPageTrace(fn: ((input: PageInput) => void) | null): void {
  trace = fn;
}

let thresholdOverride: number | null = null;
/** Tuning hook: classify with another residue threshold, and another one for prose inside
 *  the main body run (null restores the defaults). */
export function setChromeThreshold(t: number | null, bodyProse: number | null = null): void {
  thresholdOverride = t;
  bodyProseOverride = bodyProse;
}

const BYLINE = /^(?:by|von|par|por|di|door|av|af|przez|autor|autorka|autore|auteur|автор|от|द्वारा|oleh|bởi|penulis|yazar|tác giả|بقلم|كتب)\s*:?\s+\S/iu;
/** Bylines in scripts without spaces: "记者 张三", "作者：李四", "홍길동 기자", "山田花子記者". */
const BYLINE_UNSPACED = /^(?:记者|記者|作者|撰文|文)\s*[:：\s]\s*\S{2,12}$|^\S{2,8}\s?(?:기자|特派員|記者|记者)$/u;

function isByline(t: string): boolean {
  const s = t.trim();
  return s.length <= 60 && (BYLINE.test(s) || BYLINE_UNSPACED.test(s));
}
const DATELINE = /\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\bago\b/iu;

/** Segments this small with a named headline are an aggregator's entry: keep them whole. */
const SMALL_ENTRY_LINES = 6;
const SENT_END_RE = /[.!?…。！？।:]["'”’»)\]]*$/u;
const CONTINUES = /^(?:[,;:.)\]]|\p{Ll})/u;
const NAMED_THRESHOLD = 0.85;
/** Prose inside the densest prose run is the article unless the model is very sure. */
const BODY_PROSE_THRESHOLD = 0.85;
let bodyProseOverride: number | null = null;

export function classifyPage(input: PageInput): PageVerdict {
  if (trace) trace(input);
  const n = input.lines.length;
  const roles: LineRole[] = new Array(n).fill('blank');
  const evidence: (string | null)[] = new Array(n).fill(null);
  const scores: number[] = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    if (input.lines[i].trim() === '') continue;
    if (input.header[i]) roles[i] = 'dateline';
    else if (input.ruled[i]) {
      roles[i] = 'chrome';
      scores[i] = 1;
    }
  }
  if (input.headline !== null) roles[input.headline] = 'headline';
  // Lines the rules did not claim, in order; the model sees only these.
  // With a second stage, its features go in the same rows, after the first stage's.
  const pf = pageFeatures(input, stackForest ? NS : 0);
  const W = pf.width;
  const m = pf.idx.length;
  if (m === 0) return { roles, evidence, headline: input.headline, scores };

  const x = pf.x;
  const p1 = new Float64Array(m);
  for (let k = 0; k < m; k++) p1[k] = sigmoid(chromeForest.score(x, k, W));
  // Second stage: the same line features plus the first-stage scores in the page's context.
  let p = p1;
  let x2: Float32Array | null = null;
  if (stackForest) {
    x2 = x;
    stackFeatures(p1, pf.words, pf.prose, x2, W, NF);
    p = new Float64Array(m);
    for (let k = 0; k < m; k++) p[k] = sigmoid(stackForest.score(x2, k, W));
  }

  // Headline: the layout's, else the best-scoring candidate.
  let headline = input.headline;
  if (headline === null) {
    const from = Math.max(0, pf.bodyStart - HEADLINE_BEFORE);
    const to = Math.min(m, Math.max(pf.bodyStart + HEADLINE_AFTER, pf.bodyEnd + 1));
    const cands: number[] = [];
    const h1: number[] = [];
    for (let k = from; k < to; k++) {
      const i = pf.idx[k];
      if (input.header[i] || pf.words[k] > 40 || pf.x[k * W + BYLINE_COL] === 1) continue;
      cands.push(k);
      h1.push(headlineForest.score(x, k, W));
    }
    let hs = h1;
    // Second stage: the candidate's line and context features, the first stage's headline
    // score, its gap to the best candidate and its rank (a shelf of teaser headlines scores
    // high in the first stage; where the page's main text region starts tells them apart).
    if (headStackForest && x2 && cands.length > 0) {
      const WH = W + 3;
      const row = new Float32Array(WH);
      let max = -Infinity;
      for (const v of h1) if (v > max) max = v;
      const order = cands.map((_, j) => j).sort((a, b) => h1[b] - h1[a] || a - b);
      const rank = new Array<number>(cands.length);
      order.forEach((j, r) => (rank[j] = r));
      hs = cands.map((k, j) => {
        row.set(x2!.subarray(k * W, (k + 1) * W), 0);
        row[W] = h1[j];
        row[W + 1] = h1[j] - max;
        row[W + 2] = Math.log1p(rank[j]);
        return headStackForest.score(row, 0, WH);
      });
    }
    let bestJ = -1;
    for (let j = 0; j < cands.length; j++) if (bestJ < 0 || hs[j] > hs[bestJ]) bestJ = j;
    if (bestJ >= 0) bestJ = headlineOverDate(input.lines, cands.map((k, j) => ({ line: pf.idx[k], score: hs[j], prose: pf.prose[k], words: pf.words[k] })), bestJ);
    if (bestJ >= 0) bestJ = headlineOverDeck(cands.map((k, j) => ({ at: k, score: hs[j], prose: pf.prose[k], words: pf.words[k], label: pf.x[k * W + LABEL_COL] === 1 })), bestJ);
    if (bestJ >= 0) headline = pf.idx[cands[quotedTitleCandidate(input, pf.idx, cands) ?? headlineAboveByline(pf, cands, hs, bestJ)]];
  }
  const noRules = !input.ruled.some((r) => r !== null);
  // The article's ends: lines before its first line or after its last are furniture.
  let first = 0;
  let last = m - 1;
  if (afterForest && beforeForest && x2 && input.headline === null) {
    const hk0 = headline === null ? -1 : pf.idx.indexOf(headline);
    [first, last] = articleEnds(x2, W, pf.words, hk0, (noRules ? model.noRulesBoundaryCost : undefined) ?? model.boundaryCost ?? 3);
  }
  // Entries whose headline the layout named (aggregator, scraper) are articles already cut
  // out by the layout: only lines the model is very sure about go.
  const thr = Math.max(thresholdOverride ?? (stackForest ? model.stackThreshold ?? 0.5 : model.threshold), input.headline !== null ? NAMED_THRESHOLD : 0);
  const bodyProse = bodyProseOverride ?? (stackForest ? model.stackBodyProse ?? BODY_PROSE_THRESHOLD : BODY_PROSE_THRESHOLD);
  const keepAll = input.headline !== null && m <= SMALL_ENTRY_LINES;
  // Outside the densest prose run (menus, footers) the second stage may be less sure.
  const outerThr = (noRules ? model.noRulesOuterThreshold : undefined) ?? model.stackOuterThreshold ?? thr;
  const outer = stackForest && input.headline === null ? Math.min(thr, outerThr) : thr;
  const [coreStart, coreEnd] = articleCore(pf, headline === null ? -1 : pf.idx.indexOf(headline), input.lines);
  let hk = -1;
  for (let k = 0; k < m; k++) {
    const i = pf.idx[k];
    scores[i] = p[k];
    if (i === headline) {
      roles[i] = 'headline';
      hk = k;
    } else if (input.header[i]) roles[i] = 'dateline';
    else if (k < first || k > last) {
      roles[i] = 'chrome';
      evidence[i] = `${pf.prose[k] ? 'prose line' : 'line'} ${k < first ? 'before the article starts' : 'after the article ends'} (boundary model; line score ${p[k].toFixed(2)})`;
    } else if (p[k] >= (k >= coreStart && k <= coreEnd ? (pf.prose[k] ? Math.max(thr, bodyProse) : thr) : outer) && !keepAll) {
      roles[i] = 'chrome';
      evidence[i] = describe(pf, k, p[k], x2 ? x2[k * W + IN_REGION] === 1 : null);
    } else roles[i] = 'body';
  }
  // Link text split onto lines of its own ("India" / "beat" / "England by five wickets")
  // inside the body: the lines of a broken sentence stay, so that they can be joined.
  for (let k = Math.max(0, pf.bodyStart - 2); k <= Math.min(m - 1, pf.bodyEnd + 2); k++) {
    const i = pf.idx[k];
    if (roles[i] !== 'chrome' || input.ruled[i] || p[k] >= 0.95) continue;
    const t = input.lines[i].trim();
    const prev = k > 0 ? input.lines[pf.idx[k - 1]].trim() : '';
    const next = k + 1 < m ? input.lines[pf.idx[k + 1]].trim() : '';
    const fromPrev = prev !== '' && !SENT_END_RE.test(prev) && CONTINUES.test(t);
    const intoNext = !SENT_END_RE.test(t) && CONTINUES.test(next);
    if (fromPrev || intoNext) {
      roles[i] = 'body';
      evidence[i] = null;
    }
  }
  // Byline and dateline: short kept lines right around the headline. A byline right under
  // the headline ("By Jane Doe", "Written By: Press Trust of India") is the article's own
  // metadata even where the model, which has seen many sites print the author as furniture,
  // would drop it: the outline and `articles` report it, so the clean keeps it.
  if (hk >= 0) {
    for (let k = hk + 1; k < Math.min(m, hk + 4); k++) {
      const i = pf.idx[k];
      if (roles[i] === 'chrome' && (pf.x[k * W + BYLINE_COL] === 1 || isByline(input.lines[i])) && pf.words[k] <= 10) {
        roles[i] = 'byline';
        evidence[i] = null;
      }
    }
    for (let k = Math.max(0, hk - 2); k < Math.min(m, hk + 5); k++) {
      const i = pf.idx[k];
      if (roles[i] !== 'body' || pf.words[k] > 12 || pf.prose[k]) continue;
      const t = input.lines[i].trim();
      if (isByline(t) || pf.x[k * W + BYLINE_COL] === 1) roles[i] = 'byline';
      else if (DATELINE.test(t)) roles[i] = 'dateline';
    }
  }
  return { roles, evidence, headline, scores };
}

/**
 * The article's own stretch of the body run. The run (the densest prose, features.ts) can
 * reach across a long menu to prose furniture below it (community rules, a sign-in dialog,
 * teaser excerpts), and inside the run a short line must be very likely furniture to go.
 * So the run is cut at long stretches of short lines, and one piece is the article's; in
 * the others the classifier's outer threshold applies. Code (braces, "=", ";", line
 * numbers) is no gap: a long listing is part of a tutorial.
 */
function articleCore(pf: ReturnType<typeof pageFeatures>, hk: number, lines: readonly string[]): [number, number] {
  const bs = pf.bodyStart;
  const be = pf.bodyEnd;
  const pieces: { first: number; last: number; words: number }[] = [];
  let first = bs;
  let run = 0;
  let words = 0;
  for (let k = bs; k <= be; k++) {
    if (pf.prose[k] || CODE_LINE.test(lines[pf.idx[k]])) {
      if (run >= CORE_GAP) {
        pieces.push({ first, last: k - run - 1, words });
        first = k;
        words = 0;
      }
      run = 0;
      words += pf.words[k];
    } else run++;
  }
  if (pieces.length === 0) return [bs, be];
  pieces.push({ first, last: be, words });
  // The piece the headline is in (the run started above it, in prose-like furniture), else
  // the piece with the most prose. (A headline over the run's first piece does not make
  // that piece the article's: a deck, a key-facts box or a short intro often stands there,
  // and taking the first piece rather than the largest costs recall and precision.)
  let core = pieces.find((q) => hk >= q.first && hk <= q.last + CORE_GAP);
  if (!core) {
    core = pieces[0];
    for (const q of pieces) if (q.words > core.words) core = q;
  }
  return [core.first, core.last];
}
/** Short lines in a row that end the article's stretch of the body run. */
const CORE_GAP = 25;
const CODE_LINE = /[{};=[\]]|^\s*(?:\/\/|#|<\/?[a-z])|^\s*\d{1,4}\s*$/;

/**
 * Pages print the date right under the headline ("Monday November 18, 2019 7:45 am PST by
 * Joe Rossignol"); teaser headlines in a shelf above the story often have none. So when the
 * model's pick has no date under it and a candidate nearly as good does, that candidate is
 * the headline. Not the line right under the pick (a deck over the byline and date), not a
 * paragraph or a name (a few words), and the date must have a day or a time: a year alone
 * is common in headlines ("... in 2025"). Returns the index into `cands` to use.
 */
export function headlineOverDate(lines: readonly string[], cands: readonly HeadlineCandidate[], best: number): number {
  const dated = (line: number) => {
    const d = nextNonBlank(lines, line);
    if (d < 0) return false;
    const t = lines[d].trim();
    return t.length <= DATE_LINE_CHARS && DATE_IN_LINE.test(t) && !/[.!?]$/u.test(t);
  };
  if (dated(cands[best].line)) return best;
  const deck = nextNonBlank(lines, cands[best].line);
  let pick = best;
  for (let j = 0; j < cands.length; j++) {
    const c = cands[j];
    if (c.line === deck || c.prose || c.words < DATED_HEADLINE_WORDS || c.score < cands[best].score - DATED_HEADLINE_MARGIN) continue;
    if (dated(c.line) && (pick === best || c.score > cands[pick].score)) pick = j;
  }
  return pick;
}
export interface HeadlineCandidate {
  line: number;
  /** The headline model's score (a logit). */
  score: number;
  prose: boolean;
  words: number;
}
/** How far below the model's pick (in logits) a dated candidate may score and still win. */
const DATED_HEADLINE_MARGIN = 2.5;
const DATED_HEADLINE_WORDS = 4;
const DATE_LINE_CHARS = 90;
/** A day with its month and year, a numeric date, or a clock time. */
const DATE_IN_LINE = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\.?\s+\p{L}{3,9}\.?,?\s+\d{4}\b/u;

function nextNonBlank(lines: readonly string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].trim() !== '') return j;
  return -1;
}

/**
 * A blog's comment label quotes the post's title ("12 thoughts on “Title”"): a candidate
 * with exactly that text is the headline, whatever the model thinks of the shelves above it.
 * Returns the index into `cands`, or null.
 */
function quotedTitleCandidate(input: PageInput, idx: readonly number[], cands: readonly number[]): number | null {
  if (!input.quotedTitle) return null;
  const want = normalTitle(input.quotedTitle);
  for (let j = 0; j < cands.length; j++) if (normalTitle(input.lines[idx[cands[j]]]) === want) return j;
  return null;
}

function normalTitle(t: string): string {
  return t.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** How far under a byline a pick may sit and still be the byline's furniture; how far above
 *  the byline its headline may sit (a deck and a share bar can come between). */
const UNDER_BYLINE = 10;
const ABOVE_BYLINE = 6;
const SURE_HEADLINE = 3;

/**
 * A byline follows its headline. A pick a few lines under a "By ..." line is the byline's
 * own furniture ("Follow Jane Doe on Twitter", the author's job title, a teaser under the
 * story's head): the best candidate just above that byline is the headline. Returns the
 * index into `cands` to use.
 */
/**
 * A deck (the standfirst under a headline) is longer than the headline and right under it,
 * and reads enough like one that the model may put it first. When the line right above the
 * pick scores nearly as well and is shorter, headline-shaped (no paragraph, no "Label: value"
 * line, three words or more), that line is the headline and the pick its deck.
 * `at` is a candidate's position among the classified lines (consecutive, blank lines left out).
 */
export function headlineOverDeck(cands: readonly DeckCandidate[], best: number): number {
  const pick = cands[best];
  const j = cands.findIndex((c) => c.at === pick.at - 1);
  if (j < 0) return best;
  const above = cands[j];
  if (above.score < pick.score - DECK_MARGIN || above.prose || above.label || above.words < 3 || above.words >= pick.words) return best;
  return j;
}
export interface DeckCandidate {
  at: number;
  score: number;
  prose: boolean;
  words: number;
  label: boolean;
}
/** How far below the pick (in logits) the line above it may score and still be its headline. */
const DECK_MARGIN = 1;

function headlineAboveByline(pf: ReturnType<typeof pageFeatures>, cands: number[], hs: number[], bestJ: number): number {
  const W = pf.width;
  const pick = cands[bestJ];
  let by = -1;
  for (let k = pick - 1; k >= Math.max(0, pick - UNDER_BYLINE); k--) {
    if (pf.x[k * W + BYLINE_COL] === 1) {
      by = k;
      break;
    }
  }
  // a pick the model is very sure of (p >= 0.95) stands: some sites print the byline first
  if (by < 0 || hs[bestJ] >= SURE_HEADLINE) return bestJ;
  let j2 = -1;
  for (let j = 0; j < cands.length; j++) {
    const k = cands[j];
    // a headline: not prose, not one word (a section kicker), not a "Label: value" line
    const headlineShaped = !pf.prose[k] && pf.words[k] >= 2 && pf.x[k * W + LABEL_COL] !== 1;
    if (k < by && k >= by - ABOVE_BYLINE && headlineShaped && (j2 < 0 || hs[j] > hs[j2])) j2 = j;
  }
  return j2 < 0 ? bestJ : j2;
}

/**
 * Where the article starts and ends (indices into the classified lines): the cut that
 * maximises the words of furniture removed minus `cost` times the words of article text
 * removed, as the boundary models estimate them. The article keeps its headline (`hk`).
 * Prefix and suffix sums: linear.
 */
function articleEnds(x2: Float32Array, width: number, words: readonly number[], hk: number, cost: number): [number, number] {
  const m = words.length;
  const gain = (q: number, k: number) => Math.max(1, words[k]) * (q * (1 + cost) - cost);
  // last: keep lines up to `last`, remove the suffix with the largest gain (ties keep more)
  let last = m - 1;
  let best = 0;
  let suf = 0;
  for (let k = m - 1; k > hk; k--) {
    suf += gain(sigmoid(afterForest!.score(x2, k, width)), k);
    if (suf > best) {
      best = suf;
      last = k - 1;
    }
  }
  let first = 0;
  best = 0;
  let pre = 0;
  const stop = hk >= 0 ? hk : m;
  for (let k = 0; k < stop; k++) {
    pre += gain(sigmoid(beforeForest!.score(x2, k, width)), k);
    if (pre > best) {
      best = pre;
      first = k + 1;
    }
  }
  return [first, last];
}

function describe(pf: ReturnType<typeof pageFeatures>, k: number, p: number, inRegion: boolean | null): string {
  const where =
    k < pf.bodyStart ? 'before the article body' : k > pf.bodyEnd ? 'after the article body' : inRegion === false ? 'outside the main text region' : 'inside the article text';
  const what = pf.prose[k] ? 'prose line' : pf.words[k] <= 4 ? 'short link-like line' : 'short line';
  return `${what} ${where} that reads like page furniture (model score ${p.toFixed(2)})`;
}
