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
}
const model = MODEL as unknown as PageModel;
const chromeForest = new Forest(model.chrome);
const headlineForest = new Forest(model.headline);
/** Headline candidates: lines from this far before the body's start to a little after it. */
const HEADLINE_BEFORE = 150;
const HEADLINE_AFTER = 12;
const BYLINE_COL = FEATURE_NAMES.indexOf('bylineLike');

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

const BYLINE = /^(?:by|von|par|por|di|door|av|af|przez|автор|от|द्वारा)\s+\S/iu;
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
  const pf = pageFeatures(input);
  const m = pf.idx.length;
  if (m === 0) return { roles, evidence, headline: input.headline, scores };

  const x = pf.x;
  const p = new Float64Array(m);
  for (let k = 0; k < m; k++) p[k] = sigmoid(chromeForest.score(x, k, NF));

  // Headline: the layout's, else the best-scoring candidate.
  let headline = input.headline;
  if (headline === null) {
    let best = -Infinity;
    const from = Math.max(0, pf.bodyStart - HEADLINE_BEFORE);
    const to = Math.min(m, pf.bodyStart + HEADLINE_AFTER);
    for (let k = from; k < to; k++) {
      const i = pf.idx[k];
      if (input.header[i] || pf.words[k] > 40 || pf.x[k * NF + BYLINE_COL] === 1) continue;
      const s = headlineForest.score(x, k, NF);
      if (s > best) {
        best = s;
        headline = i;
      }
    }
  }
  // Entries whose headline the layout named (aggregator, scraper) are articles already cut
  // out by the layout: only lines the model is very sure about go.
  const thr = Math.max(thresholdOverride ?? model.threshold, input.headline !== null ? NAMED_THRESHOLD : 0);
  const keepAll = input.headline !== null && m <= SMALL_ENTRY_LINES;
  let hk = -1;
  for (let k = 0; k < m; k++) {
    const i = pf.idx[k];
    scores[i] = p[k];
    if (i === headline) {
      roles[i] = 'headline';
      hk = k;
    } else if (input.header[i]) roles[i] = 'dateline';
    else if (p[k] >= (pf.prose[k] && k >= pf.bodyStart && k <= pf.bodyEnd ? Math.max(thr, bodyProseOverride ?? BODY_PROSE_THRESHOLD) : thr) && !keepAll) {
      roles[i] = 'chrome';
      evidence[i] = describe(pf, k, p[k]);
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
  // Byline and dateline: short kept lines right around the headline.
  if (hk >= 0) {
    for (let k = Math.max(0, hk - 2); k < Math.min(m, hk + 5); k++) {
      const i = pf.idx[k];
      if (roles[i] !== 'body' || pf.words[k] > 12 || pf.prose[k]) continue;
      const t = input.lines[i].trim();
      if (BYLINE.test(t)) roles[i] = 'byline';
      else if (DATELINE.test(t)) roles[i] = 'dateline';
    }
  }
  return { roles, evidence, headline, scores };
}

function describe(pf: ReturnType<typeof pageFeatures>, k: number, p: number): string {
  const where = k < pf.bodyStart ? 'before the article body' : k > pf.bodyEnd ? 'after the article body' : 'inside the article text';
  const what = pf.prose[k] ? 'prose line' : pf.words[k] <= 4 ? 'short link-like line' : 'short line';
  return `${what} ${where} that reads like page furniture (model score ${p.toFixed(2)})`;
}
