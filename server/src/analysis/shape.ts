// Small predicates about the shape of a line, shared by the segmenter and the rules.
// They look at structure (length, case, punctuation), not at particular sites.

/** Letters in any script. */
const LETTER = /\p{L}/u;

export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** wordCount(s), or `cap` when there are at least `cap` words (stops counting there). */
export function wordCountUpTo(s: string, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 160;
    if (!space && !inWord) {
      if (++n >= cap) return cap;
    }
    inWord = !space;
  }
  return n;
}

/** Ends like a sentence: . ! ? … or a closing quote/bracket after one. */
export function endsSentence(s: string): boolean {
  // /[.!?…。！？]["'”’»)\]]*\s*$/u read from the end: white space, closing marks, the mark
  // (the regex scanned the whole line from every position).
  let i = s.length - 1;
  while (i >= 0 && isJsSpace(s.charCodeAt(i))) i--;
  while (i >= 0 && isCloser(s.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = s.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** " ' ” ’ » ) ] */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
}

/** White space as JS regex \s (and String.prototype.trim) define it. */
export function isJsSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The last character that is not white space (its code unit), or -1. */
export function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isJsSpace(s.charCodeAt(i))) i--;
  return i < 0 ? -1 : s.charCodeAt(i);
}

// Module-level regexes below, not literals in the functions: esbuild (target node20) turns
// some \p{...} literals into `new RegExp(...)` calls, which would build a RegExp per call.

/** "eBay", "iPhone": a lower-case first letter that is a name's, not a continuation's. */
const CONTINUATION = /^\s*(?:[,;:.)\]]|\p{Ll}(?!\p{Ll}*\p{Lu}))/u;

/** Starts like the continuation of a broken sentence: lower-case letter or a comma-like mark. */
export function startsContinuation(s: string): boolean {
  return CONTINUATION.test(s);
}

export function hasLetters(s: string): boolean {
  return LETTER.test(s);
}

/** Lower-cased, accents kept, punctuation and runs of space collapsed: for phrase lookups. */
export function normalize(s: string): string {
  // Several rules normalise the same line in a row: remember the last one.
  if (s === lastIn) return lastOut;
  const ascii = normalizeAscii(s);
  if (ascii !== null) {
    lastIn = s;
    lastOut = ascii;
    return ascii;
  }
  let c = s.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
  // Turkish "İ" lower-cases to "i" and a combining dot: drop the dot, so "İlgili Haberler"
  // finds "ilgili haberler".
  if (c.includes('i\u0307')) c = c.replace(/i\u0307/g, 'i');
  // and "I" lower-cases to "i" where Turkish writes "ı" ("AYRICA", "HAKLARI"): both are
  // folded to "i" here and in the phrase tables (phraseSet), so either spelling matches.
  if (c.includes('ı')) c = c.replace(/ı/g, 'i');
  // Strip space, punctuation and symbols at both ends by scanning code points: the regex
  // /[\s\p{P}\p{S}]+$/ retried from every position is quadratic on long runs of punctuation.
  let a = 0;
  let b = c.length;
  while (a < b) {
    const cp = c.codePointAt(a)!;
    const w = cp > 0xffff ? 2 : 1;
    if (cp < 128 ? ASCII_EDGE[cp] === 0 : !EDGE.test(c.slice(a, a + w))) break;
    a += w;
  }
  while (b > a) {
    const lo = c.charCodeAt(b - 1);
    const w = lo >= 0xdc00 && lo <= 0xdfff && b - 2 >= a && c.charCodeAt(b - 2) >= 0xd800 && c.charCodeAt(b - 2) <= 0xdbff ? 2 : 1;
    if (lo < 128 ? ASCII_EDGE[lo] === 0 : !EDGE.test(c.slice(b - w, b))) break;
    b -= w;
  }
  lastIn = s;
  lastOut = c.slice(a, b).trim();
  return lastOut;
}

const EDGE = /^[\s\p{P}\p{S}]$/u;
/** EDGE for ASCII: white space (JS \s), punctuation and symbols (every printable non-alphanumeric). */
const ASCII_EDGE = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_EDGE[c] = EDGE.test(String.fromCharCode(c)) ? 1 : 0;

/** normalize() for a line of ASCII only, in one pass and one or two allocations; null otherwise. */
function normalizeAscii(s: string): string | null {
  const n = s.length;
  let a = 0;
  for (; a < n; a++) {
    const c = s.charCodeAt(a);
    if (c >= 128) return null;
    if (ASCII_EDGE[c] === 0) break;
  }
  if (a === n) return '';
  let b = n - 1;
  for (; b > a; b--) {
    const c = s.charCodeAt(b);
    if (c >= 128) return null;
    if (ASCII_EDGE[c] === 0) break;
  }
  // Inside: any non-ASCII gives up; white space other than single spaces needs collapsing.
  let collapse = false;
  for (let i = a + 1; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return null;
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c >= 9 && c <= 13) collapse = true;
  }
  const mid = s.slice(a, b + 1).toLowerCase();
  return collapse ? mid.replace(/\s+/g, ' ') : mid;
}
let lastIn: string | null = null;
let lastOut = '';

/** A relative or absolute publication time as aggregators print it. */
const TIME_PATTERNS: RegExp[] = [
  // English and similar: "23 minutes ago", "an hour ago", "2 hrs ago", "yesterday"
  /^(?:about\s+)?(?:an?|\d{1,3})\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago$/i,
  /^\d{1,3}\s?[smhdw]\s+ago$/i,
  /^(?:just now|yesterday|today|heute|gestern|hier|aujourd'hui|ayer|hoy|вчера|сегодня)$/i,
  // German, French, Spanish, Portuguese, Italian, Russian relative times
  /^vor\s+(?:einer?|\d{1,3})\s+\p{L}+\.?$/iu,
  /^il y a\s+(?:une?|\d{1,3})\s+\p{L}+$/iu,
  /^hace\s+(?:una?|\d{1,3})\s+\p{L}+$/iu,
  /^há\s+(?:uma?|\d{1,3})\s+\p{L}+$/iu,
  /^(?:una?|\d{1,3})\s+\p{L}+\s+fa$/iu,
  /^\d{1,3}\s+\p{L}+\.?\s+назад$/iu,
  // Dutch, Polish, Turkish, Indonesian, Vietnamese, Swedish
  /^(?:een|\d{1,3})\s+\p{L}+\s+geleden$/iu,
  /^\d{1,3}\s+\p{L}+\.?\s+temu$/iu,
  /^\d{1,3}\s+\p{L}+\s+önce$/iu,
  /^\d{1,3}\s+\p{L}+\s+(?:yang\s+)?lalu$/iu,
  /^\d{1,3}\s+\p{L}+\s+trước$/iu,
  /^för\s+(?:en|ett|\d{1,3})\s+\p{L}+\s+sedan$/iu,
  // Czech/Slovak, Romanian, Hungarian, Greek, Bulgarian, Ukrainian, Croatian/Serbian, Finnish,
  // Danish/Norwegian: "před 2 hodinami", "acum 2 ore", "2 órája", "πριν από 2 ώρες",
  // "преди 2 часа", "2 години тому", "prije 2 sata", "2 tuntia sitten", "for 2 timer siden"
  /^(?:před|pred|acum|prije|pre|преди)\s+(?:o|un|una|\d{1,3})\s+\p{L}+$/iu,
  /^\d{1,3}\s+(?:perce|órája|napja|hete|hónapja|éve)$/iu,
  /^πριν(?:\s+από)?\s+\d{1,3}\s+\p{L}+$/iu,
  /^\d{1,3}\s+\p{L}+\s+(?:тому|sitten|siden)$/iu,
  /^for\s+(?:en|et|\d{1,3})\s+\p{L}+\s+siden$/iu,
  // Arabic, Hebrew, Hindi, Thai: "منذ ساعتين", "לפני 2 שעות", "2 घंटे पहले", "2 ชั่วโมงที่แล้ว"
  // (vowel signs are marks, \p{M}: in Devanagari and Thai always, in Arabic and Hebrew at times)
  /^منذ\s+(?:\d{1,3}\s+)?[\p{L}\p{M}]+$/u,
  /^לפני\s+(?:\d{1,3}\s+)?[\p{L}\p{M}]+$/u,
  /^\d{1,3}\s+[\p{L}\p{M}]+\s+पहले$/u,
  /^\d{1,3}\s*[\p{L}\p{M}]+ที่แล้ว$/u,
  /^\d{1,3}\s*(?:分钟|小时|天|分|時間|日)前$/u,
  /^\d{1,3}\s*(?:초|분|시간|일|주|개월|년)\s*전$/u,
  // Absolute dates: "Jul 2, 2026", "2 July 2026", "19 de diciembre de 2025", "2026-07-02",
  // "02/07/2026", with an optional time: "at 1:01 pm", "um 13:01 Uhr", "à 13 h 01", "a las
  // 13:01", "alle 13:01", "às 13:01", "в 13:01"
  /^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,9}\.?\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:[,\s]+(?:(?:at|um|à|a las|alle|às|в|om|kl\.?)\s+)?\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?:\s*[ap]\.?m\.?|\s+uhr)?(?:\s+\p{Lu}{2,5})?)?$/iu,
  // Year first, as East Asian pages print it: "2026年11月15日 14時05分", "입력 2026.11.15 10:21"
  // (a short label may come first; the line holds nothing else).
  /^(?:\p{L}{1,12}\s*:?\s*)?\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[./]\s*\d{1,2}\s*[./]\s*\d{1,2}\.?)(?:\s*\(?\p{L}\)?)?(?:\s*\d{1,2}\s*(?:[:：]|時|시)\s*\d{2}\s*(?:分|분)?)?$/u,
];

/** The last entries of TIME_PATTERNS are absolute dates; the ones before them relative times. */
const ABSOLUTE_PATTERNS = 2;

export function isTimeLine(s: string): boolean {
  const t = s.trim();
  if (t.length > 60 || t.length < 3) return false;
  // The absolute dates (the longest patterns) all hold a digit: most lines skip them.
  const last = HAS_DIGIT.test(t) ? TIME_PATTERNS.length : TIME_PATTERNS.length - ABSOLUTE_PATTERNS;
  for (let k = 0; k < last; k++) if (TIME_PATTERNS[k].test(t)) return true;
  return false;
}
const HAS_DIGIT = /\d/;

/** "23 minutes ago", "vor einer Stunde", "yesterday": the times aggregator shelves print
 *  (the patterns before the absolute-date one in TIME_PATTERNS). */
export function isRelativeTime(s: string): boolean {
  const t = s.trim();
  if (t.length > 60 || t.length < 3) return false;
  for (let k = 0; k < TIME_PATTERNS.length - ABSOLUTE_PATTERNS; k++) if (TIME_PATTERNS[k].test(t)) return true;
  return false;
}

/** Looks like a headline: one line, a few words, no sentence end (a "?" or "!" may end one). */
export function isHeadlineShape(s: string): boolean {
  const t = s.trim();
  const words = wordCount(t);
  if (words < 3 || words > 30 || t.length > 220) return false;
  if (/[.;,:]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  return HEADLINE_START.test(t) || !LOWER.test(t.charAt(0));
}
const HEADLINE_START = /^[\p{Lu}\p{N}"'“‘«¿¡(\[]/u;
const LOWER = /\p{Ll}/u;

/** Looks like the name of a publication: short, capitalised words, no sentence punctuation. */
export function isSourceName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 50) return false;
  const words = wordCount(t);
  if (words > 6) return false;
  if (/[.!?]$/.test(t) && !/\.(?:com|net|org|in|co\.uk|de|fr|es|ru)$/i.test(t)) return false;
  // A capital, a digit, or a letter of a script without case (朝日新聞, 연합뉴스, الجزيرة).
  return /^[\p{Lu}\p{N}\p{Lo}]/u.test(t);
}

/** A line of prose: long enough, or ends like a sentence with several words. */
export function isProse(t: string): boolean {
  const w = wordCountUpTo(t, 25);
  return w >= 25 || (w >= 8 && endsSentence(t));
}
