// Language-agnostic line features for the page classifier. Every feature is about shape
// (length, punctuation, case, digits), position (in the page, relative to the densest run
// of prose), repetition inside the page, and the same for neighbouring lines. No words of
// any language except a handful of widely shared share/menu words in `chromeWord`.
// Training (scripts/train/) dumps exactly these vectors, so inference and training agree.
import type { PageInput } from './classify';

const SENT_END = /[.!?…。！？।؟]["'”’»)\]]*$/u;
const UPPER_START = /^["'“‘«(\[]*\p{Lu}/u;
const LOWER_START = /^["'“‘«(\[]*\p{Ll}/u;
const CASED_START = /^["'“‘«(\[]*[\p{Lu}\p{Ll}]/u;
const BULLET = /^(?:\d{1,3}[.)]\s|[-–—•*·▪►▸✓✔→»›]\s?)/u;
const SEPARATOR = /\s[|•·»›\/]\s|\s[|•·]|[|•·]\s/u;
const URLISH = /https?:|www\.|@\w|\.(?:com|org|net|co|io)\b/iu;
const DATEISH = /\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/u;
const QUOTE = /["“”«»„]/u;
const COPYRIGHT = /©|\(c\)\s*\d{4}/iu;
// Short share / account / navigation words in several languages; a feature, not a rule.
const CHROME_WORD =
  /^(?:share|tweet|email|print|comments?|reply|log ?in|sign ?(?:in|up)|subscribe|menu|search|home|next|previous|back to top|read more|more|follow( us)?|teilen|drucken|anmelden|suche|mehr|weiterlesen|partager|imprimer|connexion|rechercher|lire la suite|compartir|imprimir|buscar|leer más|iniciar sesión|condividi|cerca|поделиться|войти|поиск|далее|शेयर|और पढ़ें)\b/iu;

export const BASE_NAMES = [
  'logChars', 'logWords', 'sentEnd', 'colonEnd', 'alnumEnd', 'punctRatio', 'digitRatio', 'upperStartRatio',
  'capsRatio', 'commaPerWord', 'innerSentences', 'avgWordLen', 'separator', 'bullet', 'copyright', 'urlish',
  'dateish', 'quote', 'lowerStart', 'upperStart', 'repeat', 'ruled', 'header', 'givenHeadline', 'prose',
  'chromeWord', 'hasCase', 'parenOrBracket',
] as const;
const NB = BASE_NAMES.length;

/** Context features use these base columns of neighbours. */
const CTX_COLS = [1, 2, 7, 21, 24, 20] as const; // logWords, sentEnd, upperStartRatio, ruled, prose, repeat
const CTX_OFFS = [-3, -2, -1, 1, 2, 3] as const;

export const FEATURE_NAMES: string[] = (() => {
  const n: string[] = [...BASE_NAMES];
  for (const d of CTX_OFFS) for (const c of CTX_COLS) n.push(`${BASE_NAMES[c]}@${d}`);
  n.push(
    'relPos', 'wordsBefore', 'wordsAfter', 'inBody', 'beforeBody', 'afterBody', 'distBodyStart', 'distBodyEnd',
    'prose2', 'prose5', 'prose15', 'words5', 'ruled3', 'ruled10', 'shortRun', 'logLines', 'logTotalWords',
    'bodyShare', 'sameShapeRun', 'nonBlankIdx', 'proseBefore', 'proseAfter', 'headlineDist', 'afterHeadline',
    'blankBefore', 'blankAfter', 'logCharsRank',
  );
  return n;
})();
export const NF = FEATURE_NAMES.length;

export interface PageFeatures {
  /** Non-blank line indices, in order. */
  idx: number[];
  /** Row-major, idx.length x NF. */
  x: Float64Array;
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

function normKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A prose line: several words and a sentence end, or long. Scripts without spaces count chars. */
export function isProseLine(t: string, words: number): boolean {
  const w = Math.max(words, Math.floor(t.length / 12));
  return w >= 20 || (w >= 8 && SENT_END.test(t));
}

function base(t: string, words: number): Float64Array {
  const f = new Float64Array(NB);
  const chars = t.length;
  let punct = 0;
  let digit = 0;
  let upper = 0;
  let cased = 0;
  let commas = 0;
  let alnum = 0;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (c >= 48 && c <= 57) {
      digit++;
      alnum++;
    } else if (c === 44 || c === 0x3001 || c === 0x060c) commas++;
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        alnum++;
        cased++;
        if (c <= 90) upper++;
      } else if (c !== 32 && !(c >= 48 && c <= 57)) punct++;
    } else if (/\p{L}/u.test(ch)) {
      alnum++;
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo !== up) {
        cased++;
        if (ch === up) upper++;
      }
    } else if (/\p{N}/u.test(ch)) alnum++;
    else if (!/\s/u.test(ch)) punct++;
  }
  const ws = t.split(/\s+/).filter(Boolean);
  let casedWords = 0;
  let upWords = 0;
  let wl = 0;
  for (const w of ws) {
    wl += w.length;
    if (CASED_START.test(w)) {
      casedWords++;
      if (UPPER_START.test(w)) upWords++;
    }
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
  f[11] = ws.length ? wl / ws.length : 0;
  f[12] = SEPARATOR.test(t) ? 1 : 0;
  f[13] = BULLET.test(t) ? 1 : 0;
  f[14] = COPYRIGHT.test(t) ? 1 : 0;
  f[15] = URLISH.test(t) ? 1 : 0;
  f[16] = DATEISH.test(t) ? 1 : 0;
  f[17] = QUOTE.test(t) ? 1 : 0;
  f[18] = LOWER_START.test(t) ? 1 : 0;
  f[19] = UPPER_START.test(t) ? 1 : 0;
  // 20 repeat, 21 ruled, 22 header, 23 givenHeadline, 24 prose: filled by caller
  f[25] = CHROME_WORD.test(t) && words <= 4 ? 1 : 0;
  f[26] = cased > alnum * 0.3 ? 1 : 0;
  f[27] = /^[\[(]|[\])]$/.test(t) ? 1 : 0;
  return f;
}

export function pageFeatures(input: PageInput): PageFeatures {
  const { lines } = input;
  const idx: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') idx.push(i);
  const m = idx.length;
  const texts = idx.map((i) => lines[i].trim());
  const words = texts.map(countWords);
  const prose = texts.map((t, k) => isProseLine(t, words[k]));
  const counts = new Map<string, number>();
  const keys = texts.map(normKey);
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const B: Float64Array[] = texts.map((t, k) => {
    const f = base(t, words[k]);
    const i = idx[k];
    f[20] = Math.log1p((counts.get(keys[k]) ?? 1) - 1);
    f[21] = input.ruled[i] ? 1 : 0;
    f[22] = input.header[i] ? 1 : 0;
    f[23] = input.headline === i ? 1 : 0;
    f[24] = prose[k] ? 1 : 0;
    return f;
  });

  // Main body: maximum-sum run, prose lines score their words, other lines a penalty.
  let best = -Infinity;
  let bs = 0;
  let be = -1;
  let cur = 0;
  let cs = 0;
  for (let k = 0; k < m; k++) {
    const s = input.ruled[idx[k]] ? -6 : prose[k] ? Math.min(words[k], 80) : words[k] >= 8 ? 1 : -3;
    if (cur <= 0) {
      cur = s;
      cs = k;
    } else cur += s;
    if (cur > best) {
      best = cur;
      bs = cs;
      be = k;
    }
  }
  if (be < 0) {
    bs = 0;
    be = m - 1;
  }
  const totalWords = words.reduce((a, b) => a + b, 0) || 1;
  const cum: number[] = [0];
  for (let k = 0; k < m; k++) cum.push(cum[k] + words[k]);
  const pc: number[] = [0];
  for (let k = 0; k < m; k++) pc.push(pc[k] + (prose[k] ? 1 : 0));
  const rc: number[] = [0];
  for (let k = 0; k < m; k++) rc.push(rc[k] + (input.ruled[idx[k]] ? 1 : 0));
  const lw: number[] = [0];
  for (let k = 0; k < m; k++) lw.push(lw[k] + B[k][1]);
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
  const shape = texts.map((t, k) => `${Math.min(6, Math.floor(Math.log2(1 + words[k])))}${B[k][2]}${B[k][19]}`);
  const sameRun = new Array<number>(m).fill(1);
  for (let k = 0; k < m; ) {
    let e = k;
    while (e + 1 < m && shape[e + 1] === shape[k]) e++;
    for (let j = k; j <= e; j++) sameRun[j] = e - k + 1;
    k = e + 1;
  }
  let hk = -1;
  if (input.headline !== null) hk = idx.indexOf(input.headline);
  const sortedChars = texts.map((t) => t.length).sort((a, b) => a - b);
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

  const x = new Float64Array(m * NF);
  for (let k = 0; k < m; k++) {
    const o = k * NF;
    x.set(B[k], o);
    let p = o + NB;
    for (const d of CTX_OFFS) {
      const j = k + d;
      for (const c of CTX_COLS) x[p++] = j >= 0 && j < m ? B[j][c] : -1;
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
    x[p++] = win(rc, k, 3);
    x[p++] = win(rc, k, 10);
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
  }
  return { idx, x, bodyStart: bs, bodyEnd: be, words, prose };
}
