// Splits a dump into article segments by its layout, before any residue is judged:
// - aggregator: a main article, then entries of source / time / "- source" / headline / body;
// - scraper: articles under "Title:" / "URL:" / "Date:" header lines or between rule lines;
// - otherwise one segment (a single article or a whole copied page).
import type { DumpShape } from './model';
import { findCommentSections, type CommentBlock } from './rules/commentThread';
import { wordSpaced } from './script';
import { isHeadlineShape, isRelativeTime, isSourceName, isTimeLine, wordCount } from './shape';
import type { Line } from './text';

export interface Segment {
  /** First and last line (inclusive). */
  first: number;
  last: number;
  role: 'main' | 'related' | 'entry';
  /** Headline line when the layout names it, else the classifier picks one. */
  headline: number | null;
  /** Column where the headline text starts on its line ("Title: " is not part of it). */
  headlineColumn: number;
  /** Layout metadata lines (source, time, "- source", header fields): kept, never residue. */
  header: number[];
  source: string | null;
  published: string | null;
  byline: string | null;
}

export interface Segmentation {
  shape: DumpShape;
  segments: Segment[];
  /** Line range of the related-articles shelf, when there is one. */
  related: { first: number; last: number } | null;
}

const DASH_SOURCE = /^\s*[-–—]\s*(\S.{0,60})$/u;
// Keys in English, German, French, Spanish, Italian, Portuguese, Russian, Indonesian, Turkish,
// Vietnamese, Chinese, Japanese and Korean; CJK dumps write the colon full-width.
const TITLE_KEYS = 'title|headline|titel|titre|título|titolo|başlık|judul|заголовок|tiêu đề|标题|標題|タイトル|見出し|제목';
const SOURCE_KEYS = 'source|quelle|fonte|fuente|источник|sumber|kaynak|nguồn|来源|來源|出典|출처';
const DATE_KEYS = 'date|published|datum|fecha|data|дата|tanggal|tarih|ngày|日期|日付|날짜';
const AUTHOR_KEYS = 'author|byline|autor|auteur|autore|автор|penulis|yazar|tác giả|作者|著者|기자';
const HEADER_FIELD = new RegExp(`^\\s*(${TITLE_KEYS}|url|link|${SOURCE_KEYS}|${DATE_KEYS}|${AUTHOR_KEYS})\\s*[:：]\\s*(\\S.*)$`, 'iu');
const TITLE_KEY = new RegExp(`^(?:${TITLE_KEYS})$`, 'iu');
const SOURCE_KEY = new RegExp(`^(?:${SOURCE_KEYS})$`, 'iu');
const DATE_KEY = new RegExp(`^(?:${DATE_KEYS})$`, 'iu');
const AUTHOR_KEY = new RegExp(`^(?:${AUTHOR_KEYS})$`, 'iu');
// Five or more of one mark: a dinkus like "***" or AP's "___" separates parts of one story.
const RULE_LINE = /^\s*([-=_*#~•·])(?:\s*\1){4,}\s*$/u;

// Cheap exact pre-checks run on every line before the regexes above: a header field needs a
// ':' and starts (after spaces) with one of its keys' first letters; a rule line starts with
// its mark. A line starting with a space goes straight to the regex.
const HEADER_FIRST = new Uint8Array(128);
for (const c of 'thulsdpabfqjkny') {
  HEADER_FIRST[c.charCodeAt(0)] = 1;
  HEADER_FIRST[c.toUpperCase().charCodeAt(0)] = 1;
}
function mayBeHeaderField(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c > 32 && c < 0x7f && HEADER_FIRST[c] === 0) return false;
  return t.indexOf(':') >= 0 || t.indexOf('：') >= 0;
}
/** A "Title: ..." / "URL: ..." style header field line. */
export function isHeaderField(t: string): boolean {
  return mayBeHeaderField(t) && HEADER_FIELD.test(t);
}
const RULE_FIRST = new Uint8Array(128);
for (const c of '-=_*#~') RULE_FIRST[c.charCodeAt(0)] = 1;
function isRuleLine(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c > 32 && c < 0x7f && RULE_FIRST[c] === 0) return false;
  return RULE_LINE.test(t);
}

interface Entry {
  start: number;
  headline: number;
  header: number[];
  source: string | null;
  published: string | null;
  strong: boolean;
}

/** The time line of an entry with the "- source" echo: a few words (or a date). */
const MAX_ECHOED_TIME_CHARS = 40;
const MAX_ECHOED_TIME_WORDS = 6;

/** An aggregator entry starting at line i: source, time, optional "- source", headline. */
function entryAt(lines: readonly Line[], i: number): Entry | null {
  const src = lines[i]?.text.trim();
  if (!src || !isSourceName(src) || isTimeLine(src) || /[:：]$/.test(src)) return null;
  const time = lines[i + 1]?.text.trim();
  if (!time) return null;
  let h = i + 2;
  const header = [i, i + 1];
  let strong = false;
  const dash = DASH_SOURCE.exec(lines[h]?.text ?? '');
  if (dash && dash[1].trim().toLowerCase() === src.toLowerCase()) {
    header.push(h);
    h++;
    strong = true;
  }
  // With the echo, the layout is this aggregator's beyond doubt: the line between is its time
  // whatever language it is written in ("23 minutes ago", "vor 23 Minuten", "23 分钟前"), as
  // long as it is short. Without it, only a time the patterns know.
  if (strong ? time.length > MAX_ECHOED_TIME_CHARS || wordCount(time) > MAX_ECHOED_TIME_WORDS || /[.!?]$/u.test(time) : !isTimeLine(time)) return null;
  // Without the "- source" echo, a name over a date is as likely a comment's author or a
  // page's "Updated" stamp: only the relative times of a news shelf count then.
  if (!strong && !isRelativeTime(time)) return null;
  while (h < lines.length && lines[h].text.trim() === '') h++;
  // Shapes are judged on the word-spaced text, so a Japanese or Chinese headline has words.
  if (h >= lines.length || !isHeadlineShape(wordSpaced(lines[h].text))) return null;
  // An entry is an article: its headline has a body under it, not a like count or "Reply".
  let b = h + 1;
  while (b < lines.length && lines[b].text.trim() === '') b++;
  if (b >= lines.length || wordCount(wordSpaced(lines[b].text)) < 12) return null;
  return { start: i, headline: h, header, source: src, published: time, strong };
}

function findEntries(lines: readonly Line[]): Entry[] {
  const entries: Entry[] = [];
  // A comment thread repeats name / "1 year ago" / "Reply to Sara" / comment: entry-shaped,
  // but not articles. Entries without the "- source" echo do not start inside one.
  let threads: CommentBlock[] | null = null;
  const inThread = (i: number) => (threads ??= findCommentSections(lines.map((l) => l.text))).some((b) => i >= b.first && i <= b.last);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && lines[i - 1].text.trim() !== '' && !entries.length) {
      // The first entry must start after a blank line: its source is a line of its own.
      const prev = lines[i - 1].text.trim();
      if (wordCount(prev) > 12) continue;
    }
    const e = entryAt(lines, i);
    if (e && !e.strong && inThread(i)) continue;
    if (e) {
      entries.push(e);
      i = e.headline;
    }
  }
  // One entry needs its "- source" echo to count; two or more stand on their own.
  if (entries.length === 1 && !entries[0].strong) return [];
  return entries;
}

interface Header {
  start: number;
  end: number;
  title: number | null;
  titleColumn: number;
  source: string | null;
  published: string | null;
  byline: string | null;
}

/** The header blocks among lines from..to (a block is a run of header field lines). */
function findHeaders(lines: readonly Line[], from = 0, to = lines.length - 1): Header[] {
  const headers: Header[] = [];
  for (let i = from; i <= to; i++) {
    if (!isHeaderField(lines[i].text)) continue;
    const h: Header = { start: i, end: i, title: null, titleColumn: 0, source: null, published: null, byline: null };
    let j = i;
    let fields = 0;
    for (; j <= to; j++) {
      const m = mayBeHeaderField(lines[j].text) ? HEADER_FIELD.exec(lines[j].text) : null;
      if (!m) break;
      fields++;
      const key = m[1].toLowerCase();
      const value = m[2].trim();
      if (TITLE_KEY.test(key)) {
        h.title = j;
        h.titleColumn = lines[j].text.indexOf(m[2]);
      } else if (SOURCE_KEY.test(key)) h.source = value;
      else if (DATE_KEY.test(key)) h.published = value;
      else if (AUTHOR_KEY.test(key)) h.byline = value;
    }
    h.end = j - 1;
    // A lone "Source: Reuters" inside an article is not a header block; a title with any
    // other field, or three fields, is.
    if ((h.title !== null && fields >= 2) || fields >= 3) headers.push(h);
    i = j - 1;
  }
  return headers;
}

export function segment(lines: readonly Line[]): Segmentation {
  const last = lines.length - 1;
  const headers = findHeaders(lines);
  if (headers.length >= 1 && (headers.length >= 2 || headers[0].start <= 2)) {
    const segments: Segment[] = [];
    if (headers[0].start > 0 && lines.slice(0, headers[0].start).some((l) => l.text.trim() !== '')) {
      segments.push(plain(0, headers[0].start - 1, 'entry'));
    }
    for (const sg of headerSegments(headers, last)) segments.push(sg);
    return { shape: 'scraper', segments, related: null };
  }
  const rules = lines.filter((l) => isRuleLine(l.text)).map((l) => l.index);
  if (rules.length >= 1) {
    const segments: Segment[] = [];
    let start = 0;
    for (const r of [...rules, last + 1]) {
      if (r - 1 >= start && lines.slice(start, r).some((l) => l.text.trim() !== '')) segments.push(plain(start, r - 1, 'entry'));
      start = r + 1;
    }
    // Each part must open like an article (a headline-shaped line), else the rules are
    // decoration inside one story.
    const opensLikeArticle = (sg: Segment) => {
      const first = lines.slice(sg.first, sg.last + 1).find((l) => l.text.trim() !== '');
      return !!first && isHeadlineShape(first.text);
    };
    if (segments.length >= 2 && segments.every(opensLikeArticle)) return { shape: 'scraper', segments, related: null };
  }
  const entries = findEntries(lines);
  if (entries.length > 0) {
    const segments: Segment[] = [];
    if (entries[0].start > 0) segments.push(plain(0, entries[0].start - 1, 'main'));
    entries.forEach((e, k) => {
      const end = k + 1 < entries.length ? entries[k + 1].start - 1 : last;
      segments.push({
        first: e.start, last: end, role: 'related', headline: e.headline, headlineColumn: 0,
        header: e.header, source: e.source, published: e.published, byline: null,
      });
    });
    return { shape: 'aggregator', segments, related: { first: entries[0].start, last } };
  }
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const short = nonBlank.filter((l) => wordCount(l.text) <= 6).length;
  const shape: DumpShape = nonBlank.length === 0 ? 'empty' : short >= 10 && short >= nonBlank.length * 0.3 ? 'page' : 'single';
  return { shape, segments: [plain(0, last, 'main')], related: null };
}

/** One entry per header block, running to the line before the next block (the last to `last`). */
function headerSegments(headers: readonly Header[], last: number): Segment[] {
  return headers.map((h, k) => {
    const end = k + 1 < headers.length ? headers[k + 1].start - 1 : last;
    const header: number[] = [];
    for (let x = h.start; x <= h.end; x++) header.push(x);
    return {
      first: h.start, last: end, role: 'entry', headline: h.title, headlineColumn: h.titleColumn,
      header: header.filter((x) => x !== h.title), source: h.source, published: h.published, byline: h.byline,
    };
  });
}

/**
 * The entries of lines first..last of a header-based scraper dump, as `segment` would find
 * them: null unless a header block still starts at `first`. The caller makes sure no block
 * runs over the window's ends (the line before `first` and line `last` are no header
 * fields), so blocks elsewhere are as they were.
 */
export function headerWindow(lines: readonly Line[], first: number, last: number): Segment[] | null {
  const headers = findHeaders(lines, first, last);
  return headers.length > 0 && headers[0].start === first ? headerSegments(headers, last) : null;
}

function plain(first: number, last: number, role: Segment['role']): Segment {
  return { first, last, role, headline: null, headlineColumn: 0, header: [], source: null, published: null, byline: null };
}
