// Language-agnostic line features for the page classifier. Every feature is about shape
// (length, punctuation, case, digits), position (in the page, relative to the densest run
// of prose), repetition inside the page, and the same for neighbouring lines. No words of
// any language except a handful of widely shared share/menu words in `chromeWord`.
// Training (scripts/train/) dumps exactly these vectors, so inference and training agree.
import type { PageInput } from './classify';
import { bestRun } from './bestRun';

const SENT_END = /[.!?…。！？।؟]["'”’»)\]]*$/u;
const UPPER_START = /^["'“‘«(\[]*\p{Lu}/u;
const LOWER_START = /^["'“‘«(\[]*\p{Ll}/u;
const CASED_START = /^["'“‘«(\[]*[\p{Lu}\p{Ll}]/u;
const BULLET = /^(?:\d{1,3}[.)]\s|[-–—•*·▪►▸✓✔→»›]\s?)/u;
const SEPARATOR = /\s[|•·»›\/]\s|\s[|•·]|[|•·]\s/u;
/** Every SEPARATOR match holds one of these (a cheap test first). */
const SEPARATOR_CHAR = /[|•·»›\/]/;
const URLISH = /https?:|www\.|@\w|\.(?:com|org|net|co|io)\b/iu;
const DATEISH = /\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/u;
const QUOTE = /["“”«»„]/u;
const COPYRIGHT = /©|\(c\)\s*\d{4}/iu;
// Short share / account / navigation words in several languages; a feature, not a rule.
const CHROME_WORD =
  /^(?:share|tweet|email|print|comments?|reply|log ?in|sign ?(?:in|up)|subscribe|menu|search|home|next|previous|back to top|read more|more|follow( us)?|teilen|drucken|anmelden|suche|mehr|weiterlesen|partager|imprimer|connexion|rechercher|lire la suite|compartir|imprimir|buscar|leer más|iniciar sesión|condividi|cerca|поделиться|войти|поиск|далее|शेयर|और पढ़ें)(?![\p{L}\p{N}])/iu;

// "By ...", "Written by", "Von ...", "Par ...": a byline, in a few languages.
const BYLINE_LIKE =
  /^(?:(?:written|posted|reviewed|updated|edited)\s+by|by|von|par|por|di|door|av|af|przez|автор|от|द्वारा|लेखक)[\s:]/iu;
// A short label and a colon opening the line ("Updated: ...", "Written By: ...").
const LABEL_COLON = /^\S+(?:\s\S+){0,2}:\s/u;

export const BASE_NAMES = [
  'logChars', 'logWords', 'sentEnd', 'colonEnd', 'alnumEnd', 'punctRatio', 'digitRatio', 'upperStartRatio',
  'capsRatio', 'commaPerWord', 'innerSentences', 'avgWordLen', 'separator', 'bullet', 'copyright', 'urlish',
  'dateish', 'quote', 'lowerStart', 'upperStart', 'repeat', 'header', 'givenHeadline', 'prose',
  'chromeWord', 'hasCase', 'parenOrBracket',
] as const;
const NB = BASE_NAMES.length;

/** Context features use these base columns of neighbours. */
const CTX_COLS = (['logWords', 'sentEnd', 'upperStartRatio', 'prose', 'repeat', 'dateish'] as const).map((n) => BASE_NAMES.indexOf(n));
const CTX_OFFS = [-3, -2, -1, 1, 2, 3] as const;

export const FEATURE_NAMES: string[] = (() => {
  const n: string[] = [...BASE_NAMES];
  for (const d of CTX_OFFS) for (const c of CTX_COLS) n.push(`${BASE_NAMES[c]}@${d}`);
  n.push(
    'relPos', 'wordsBefore', 'wordsAfter', 'inBody', 'beforeBody', 'afterBody', 'distBodyStart', 'distBodyEnd',
    'prose2', 'prose5', 'prose15', 'words5', 'shortRun', 'logLines', 'logTotalWords',
    'bodyShare', 'sameShapeRun', 'nonBlankIdx', 'proseBefore', 'proseAfter', 'headlineDist', 'afterHeadline',
    'blankBefore', 'blankAfter', 'logCharsRank', 'containedElsewhere', 'containsOther', 'nextProseDist',
    'prevProseDist', 'titleLike', 'firstTitleLikeBeforeBody', 'bylineLike', 'labelColon', 'cycle2', 'cycle3',
    'cycleRun', 'bodyOverlap', 'ruledGapBefore', 'ruledGapAfter', 'ruledAbove', 'ruledBelow', 'ruledSinceProse',
    'ruledUntilProse', 'ruledToBody',
  );
  return n;
})();
export const NF = FEATURE_NAMES.length;

export interface PageFeatures {
  /** Non-blank lines that no phrase rule claimed, in order (ruled lines are residue anyway
   *  and are left out, so that a widget inside the body does not split it). */
  idx: number[];
  /** Row-major, idx.length x `width`, float32 (as the trees were trained); the first NF
   *  columns are these features, the rest left for the caller (the second stage's). */
  x: Float32Array;
  width: number;
  bodyStart: number;
  bodyEnd: number;
  words: number[];
  prose: boolean[];
}

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 160 || c === 0x2009 || c === 0x202f;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A hash of the four characters of `s` from `i`. */
function gram4(s: string, i: number): number {
  return (((s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) * 31 + s.charCodeAt(i + 2)) * 31 + s.charCodeAt(i + 3)) | 0;
}

function normKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A prose line: several words and a sentence end, or long. Scripts without spaces count chars. */
export function isProseLine(t: string, words: number): boolean {
  const w = Math.max(words, Math.floor(t.length / 12));
  return w >= 20 || (w >= 8 && SENT_END.test(t));
}

// Character classes, cached per code point: letter, number, upper-case letter, lower-case
// letter, white space (as JS \s), cased (has a different other case), is its upper case.
const C_L = 1, C_N = 2, C_LU = 4, C_LL = 8, C_SP = 16, C_CASED = 32, C_UP = 64;
const classCache = new Map<number, number>();
function charClass(cp: number): number {
  let c = classCache.get(cp);
  if (c !== undefined) return c;
  const ch = String.fromCodePoint(cp);
  c = 0;
  if (/\p{L}/u.test(ch)) c |= C_L;
  if (/\p{N}/u.test(ch)) c |= C_N;
  if (/\p{Lu}/u.test(ch)) c |= C_LU;
  if (/\p{Ll}/u.test(ch)) c |= C_LL;
  if (/\s/u.test(ch)) c |= C_SP;
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  if (lo !== up) c |= C_CASED;
  if (ch === up) c |= C_UP;
  if (classCache.size < 65536) classCache.set(cp, c);
  return c;
}
const OPENERS = new Set([34, 39, 0x201c, 0x2018, 0xab, 40, 91]); // " ' “ ‘ « ( [

function base(t: string, words: number, f: Float64Array): Float64Array {
  f.fill(0);
  const chars = t.length;
  let punct = 0;
  let digit = 0;
  let upper = 0;
  let cased = 0;
  let commas = 0;
  let alnum = 0;
  // words (split on white space): count, length, and the case of their first letter
  let nw = 0;
  let wl = 0;
  let casedWords = 0;
  let upWords = 0;
  let inWord = false;
  let lead = false; // still in the word's opening quotes/brackets
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let cls: number;
    if (c < 128) {
      if (c >= 48 && c <= 57) cls = C_N;
      else if (c >= 65 && c <= 90) cls = C_L | C_LU | C_CASED | C_UP;
      else if (c >= 97 && c <= 122) cls = C_L | C_LL | C_CASED;
      else if (c === 32 || (c >= 9 && c <= 13)) cls = C_SP;
      else cls = 0;
      if (c >= 48 && c <= 57) {
        digit++;
        alnum++;
      } else if (c === 44) commas++;
      if (cls & C_L) {
        alnum++;
        cased++;
        if (c <= 90) upper++;
      } else if (c !== 32 && !(c >= 48 && c <= 57)) punct++;
    } else {
      cls = charClass(c);
      if (c === 0x3001 || c === 0x060c) commas++;
      if (cls & C_L) {
        alnum++;
        if (cls & C_CASED) {
          cased++;
          if (cls & C_UP) upper++;
        }
      } else if (cls & C_N) alnum++;
      else if (!(cls & C_SP)) punct++;
    }
    if (cls & C_SP) inWord = false;
    else {
      if (!inWord) {
        nw++;
        inWord = true;
        lead = true;
      }
      wl += width;
      if (lead && !OPENERS.has(c)) {
        lead = false;
        if (cls & (C_LU | C_LL)) {
          casedWords++;
          if (cls & C_LU) upWords++;
        }
      }
    }
    i += width - 1;
  }
  let inner = 0;
  const re = /[.!?。！？।][\s"”’]+(?=\p{Lu}|\p{Lo})/gu;
  while (re.exec(t)) inner++;
  const last = t[t.length - 1] ?? '';
  f[0] = Math.log1p(chars);
  f[1] = Math.log1p(words);
  f[2] = SENT_END.test(t) ? 1 : 0;
  f[3] = /[:：]$/.test(t) ? 1 : 0;
  f[4] = /[\p{L}\p{N}]/u.test(last) ? 1 : 0;
  f[5] = chars ? punct / chars : 0;
  f[6] = chars ? digit / chars : 0;
  f[7] = casedWords ? upWords / casedWords : 0;
  f[8] = cased ? upper / cased : 0;
  f[9] = words ? commas / words : 0;
  f[10] = Math.log1p(inner);
  f[11] = nw ? wl / nw : 0;
  f[12] = SEPARATOR_CHAR.test(t) && SEPARATOR.test(t) ? 1 : 0;
  f[13] = BULLET.test(t) ? 1 : 0;
  f[14] = COPYRIGHT.test(t) ? 1 : 0;
  f[15] = URLISH.test(t) ? 1 : 0;
  f[16] = DATEISH.test(t) ? 1 : 0;
  f[17] = QUOTE.test(t) ? 1 : 0;
  f[18] = LOWER_START.test(t) ? 1 : 0;
  f[19] = UPPER_START.test(t) ? 1 : 0;
  // 20 repeat, 21 header, 22 givenHeadline, 23 prose: filled by caller
  f[24] = CHROME_WORD.test(t) && words <= 4 ? 1 : 0;
  f[25] = cased > alnum * 0.3 ? 1 : 0;
  f[26] = /^[\[(]|[\])]$/.test(t) ? 1 : 0;
  return f;
}

export function pageFeatures(input: PageInput, extraColumns = 0): PageFeatures {
  const { lines } = input;
  const idx: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '' && !input.ruled[i]) idx.push(i);
  const m = idx.length;
  const texts = idx.map((i) => lines[i].trim());
  const words = texts.map(countWords);
  const prose = texts.map((t, k) => isProseLine(t, words[k]));
  const counts = new Map<string, number>();
  const keys = texts.map(normKey);
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  // base features, row-major m x NB
  const B = new Float64Array(m * NB);
  const f = new Float64Array(NB);
  for (let k = 0; k < m; k++) {
    base(texts[k], words[k], f);
    const i = idx[k];
    f[20] = Math.log1p((counts.get(keys[k]) ?? 1) - 1);
    f[21] = input.header[i] ? 1 : 0;
    f[22] = input.headline === i ? 1 : 0;
    f[23] = prose[k] ? 1 : 0;
    B.set(f, k * NB);
  }

  // Main body: maximum-sum run, prose lines score their words, other lines a penalty.
  let { first: bs, last: be } = bestRun(m, (k) => (prose[k] ? Math.min(words[k], 80) : words[k] >= 8 ? 1 : -3));
  if (be < 0) {
    bs = 0;
    be = m - 1;
  }
  const totalWords = words.reduce((a, b) => a + b, 0) || 1;
  const cum: number[] = [0];
  for (let k = 0; k < m; k++) cum.push(cum[k] + words[k]);
  const pc: number[] = [0];
  for (let k = 0; k < m; k++) pc.push(pc[k] + (prose[k] ? 1 : 0));
  const lw: number[] = [0];
  for (let k = 0; k < m; k++) lw.push(lw[k] + B[k * NB + 1]);
  const win = (arr: number[], k: number, r: number) => {
    const a = Math.max(0, k - r);
    const b = Math.min(m, k + r + 1);
    return (arr[b] - arr[a]) / Math.max(1, b - a);
  };
  // runs of consecutive short (non-prose) lines
  const shortRun = new Array<number>(m).fill(0);
  for (let k = 0; k < m; ) {
    if (prose[k]) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < m && !prose[e + 1]) e++;
    for (let j = k; j <= e; j++) shortRun[j] = e - k + 1;
    k = e + 1;
  }
  // runs of lines with the same rough shape (word-count bucket and end punctuation)
  const shape = texts.map((t, k) => `${Math.min(6, Math.floor(Math.log2(1 + words[k])))}${B[k * NB + 2]}${B[k * NB + 19]}`);
  const sameRun = new Array<number>(m).fill(1);
  for (let k = 0; k < m; ) {
    let e = k;
    while (e + 1 < m && shape[e + 1] === shape[k]) e++;
    for (let j = k; j <= e; j++) sameRun[j] = e - k + 1;
    k = e + 1;
  }
  // Teaser lists repeat a cycle of shapes: headline / date, or headline / date / excerpt.
  const cyc = texts.map((t, k) => `${Math.min(6, Math.floor(Math.log2(1 + words[k])))}${B[k * NB + 2]}${B[k * NB + 19]}${B[k * NB + 16]}`);
  const cycle = (k: number, period: number) => {
    let c = 0;
    for (const d of [-2 * period, -period, period, 2 * period]) {
      const j = k + d;
      if (j >= 0 && j < m && cyc[j] === cyc[k]) c++;
    }
    return c;
  };
  const c2 = new Array<number>(m);
  const c3 = new Array<number>(m);
  for (let k = 0; k < m; k++) {
    c2[k] = cycle(k, 2);
    c3[k] = cycle(k, 3);
  }
  // length of the run of lines that take part in a cycle (>= 2 matches at period 2 or 3)
  const cycRun = new Array<number>(m).fill(0);
  for (let k = 0; k < m; ) {
    if (c2[k] < 2 && c3[k] < 2) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < m && (c2[e + 1] >= 2 || c3[e + 1] >= 2)) e++;
    for (let j = k; j <= e; j++) cycRun[j] = e - k + 1;
    k = e + 1;
  }
  // Share of a line's words (3+ letters) that the article body uses: a headline repeats the
  // story's words, a menu item or another story's teaser mostly does not.
  const bodyWords = new Set<string>();
  for (let k = bs, n = 0; k <= be && n < 3000; k++) {
    if (!prose[k]) continue;
    for (const w of keys[k].split(' ')) {
      if (w.length >= 3) {
        bodyWords.add(w);
        n++;
      }
    }
  }
  const overlap = (k: number) => {
    let a = 0;
    let b = 0;
    for (const w of keys[k].split(' ')) {
      if (w.length < 3) continue;
      a++;
      if (bodyWords.has(w)) b++;
    }
    return a ? b / a : 0;
  };
  let hk = -1;
  if (input.headline !== null) hk = idx.indexOf(input.headline);
  const sortedChars = Float64Array.from(texts, (t) => t.length).sort();
  const rankOf = (c: number) => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedChars[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    return lo / Math.max(1, m);
  };

  // Substring relations between short lines (breadcrumbs and <title> copies of the headline).
  const LIMIT = 400;
  const shortK: number[] = [];
  for (let k = 0; k < m && shortK.length < LIMIT; k++) if (words[k] <= 30 && keys[k].length >= 12) shortK.push(k);
  const contained = new Uint8Array(m);
  const contains = new Uint8Array(m);
  // Every pair (a, b) with keys[b] longer than keys[a] and holding it. Only the lines whose
  // key has keys[a]'s first four characters somewhere can hold it: an index of where the
  // keys' first 4-grams occur (hashed; a collision only adds a candidate) gives those,
  // instead of trying all pairs.
  const grams = new Map<number, number[]>();
  const wanted = new Uint8Array(4096);
  for (const a of shortK) {
    const g = gram4(keys[a], 0);
    if (!grams.has(g)) grams.set(g, []);
    wanted[g & 4095] = 1;
  }
  for (const b of shortK) {
    const s = keys[b];
    for (let i = 0; i + 4 <= s.length; i++) {
      const g = gram4(s, i);
      if (wanted[g & 4095] === 0) continue;
      const list = grams.get(g);
      if (list !== undefined && list[list.length - 1] !== b) list.push(b);
    }
  }
  for (const a of shortK) {
    const s = keys[a];
    for (const b of grams.get(gram4(s, 0))!) {
      if (keys[b].length <= s.length) continue;
      if (keys[b].includes(s)) {
        contained[a] = 1;
        contains[b] = 1;
      }
    }
  }
  const nextProse = new Array<number>(m).fill(m);
  const prevProse = new Array<number>(m).fill(m);
  for (let k = m - 1, last = -1; k >= 0; k--) {
    if (last >= 0) nextProse[k] = last - k;
    if (prose[k]) last = k;
  }
  for (let k = 0, last = -1; k < m; k++) {
    if (last >= 0) prevProse[k] = k - last;
    if (prose[k]) last = k;
  }
  const titleLike = texts.map((t, k) => words[k] >= 3 && words[k] <= 25 && !SENT_END.test(t));
  let lastTitleBeforeBody = -1;
  for (let k = 0; k < bs; k++) if (titleLike[k]) lastTitleBeforeBody = k;

  // Lines the phrase rules claimed are not rows here, but where they sit says a lot: a
  // "Comments" or "Related articles" line between the story and a line marks that line as
  // past the story's end, however much it reads like prose. Prefix counts over all lines.
  const ruledBefore = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) ruledBefore[i + 1] = ruledBefore[i] + (input.ruled[i] ? 1 : 0);
  const ruledBetween = (a: number, b: number) => (b > a ? ruledBefore[b] - ruledBefore[a] : 0); // lines a..b-1
  const totalRuled = ruledBefore[lines.length];
  // No rule fired anywhere in the segment: a language the phrase lists do not know, most
  // likely, rather than a page without furniture. The features then say "unknown" (-1), and
  // the trees (trained on pages with their rules switched off, scripts/train/dump.ts) judge
  // by shape and position alone.
  const R = totalRuled === 0 ? () => -1 : (n: number) => Math.log1p(n);

  const width = NF + extraColumns;
  const x = new Float32Array(m * width);
  for (let k = 0; k < m; k++) {
    const o = k * width;
    for (let c = 0; c < NB; c++) x[o + c] = B[k * NB + c];
    let p = o + NB;
    for (let a = 0; a < CTX_OFFS.length; a++) {
      const j = k + CTX_OFFS[a];
      const inside = j >= 0 && j < m;
      for (let b = 0; b < CTX_COLS.length; b++) x[p++] = inside ? B[j * NB + CTX_COLS[b]] : -1;
    }
    const i = idx[k];
    x[p++] = lines.length > 1 ? i / (lines.length - 1) : 0;
    x[p++] = cum[k] / totalWords;
    x[p++] = (totalWords - cum[k + 1]) / totalWords;
    x[p++] = k >= bs && k <= be ? 1 : 0;
    x[p++] = k < bs ? 1 : 0;
    x[p++] = k > be ? 1 : 0;
    x[p++] = Math.sign(k - bs) * Math.log1p(Math.abs(k - bs));
    x[p++] = Math.sign(k - be) * Math.log1p(Math.abs(k - be));
    x[p++] = win(pc, k, 2);
    x[p++] = win(pc, k, 5);
    x[p++] = win(pc, k, 15);
    x[p++] = win(lw, k, 5);
    x[p++] = Math.log1p(shortRun[k]);
    x[p++] = Math.log1p(m);
    x[p++] = Math.log1p(totalWords);
    x[p++] = (cum[be + 1] - cum[bs]) / totalWords;
    x[p++] = Math.log1p(sameRun[k]);
    x[p++] = m > 1 ? k / (m - 1) : 0;
    x[p++] = pc[k] / Math.max(1, pc[m]);
    x[p++] = (pc[m] - pc[k + 1]) / Math.max(1, pc[m]);
    x[p++] = hk >= 0 ? Math.sign(k - hk) * Math.log1p(Math.abs(k - hk)) : 0;
    x[p++] = hk >= 0 ? (k > hk ? 1 : k === hk ? 0.5 : 0) : -1;
    x[p++] = i > 0 && lines[i - 1].trim() === '' ? 1 : 0;
    x[p++] = i + 1 < lines.length && lines[i + 1].trim() === '' ? 1 : 0;
    x[p++] = rankOf(texts[k].length);
    x[p++] = contained[k];
    x[p++] = contains[k];
    x[p++] = Math.log1p(nextProse[k]);
    x[p++] = Math.log1p(prevProse[k]);
    x[p++] = titleLike[k] ? 1 : 0;
    x[p++] = k === lastTitleBeforeBody ? 1 : 0;
    x[p++] = words[k] <= 12 && BYLINE_LIKE.test(texts[k]) ? 1 : 0;
    x[p++] = LABEL_COLON.test(texts[k]) ? 1 : 0;
    x[p++] = c2[k];
    x[p++] = c3[k];
    x[p++] = Math.log1p(cycRun[k]);
    x[p++] = k < bs || k > be || !prose[k] ? overlap(k) : 1;
    x[p++] = R(ruledBetween(k > 0 ? idx[k - 1] + 1 : 0, i));
    x[p++] = R(ruledBetween(i + 1, k + 1 < m ? idx[k + 1] : lines.length));
    x[p++] = R(ruledBefore[i]);
    x[p++] = R(totalRuled - ruledBefore[i + 1]);
    x[p++] = R(ruledBetween(prevProse[k] < m ? idx[k - prevProse[k]] + 1 : 0, i));
    x[p++] = R(ruledBetween(i + 1, nextProse[k] < m ? idx[k + nextProse[k]] : lines.length));
    x[p++] = R(k < bs ? ruledBetween(i + 1, idx[bs]) : k > be ? ruledBetween(idx[be] + 1, i) : 0);
  }
  return { idx, x, width, bodyStart: bs, bodyEnd: be, words, prose };
}
