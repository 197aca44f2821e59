// Segment results, reused: by content across analyses (the language server re-analyses a
// document on every edit, and most segments are unchanged), or, with that cache off (the
// CLI), across the looks of one analysis (lookReuse.ts).
import { clearLineMemos, copyOf, LineFacts, lineFacts } from './lineMemo';
import type { LookResults } from './lookReuse';
import type { PhraseOptions } from './lineRules';
import { analyzeSegment, SegResult } from './segmentAnalysis';
import type { Segment } from './segment';
import { Line, perLine } from './text';

/**
 * The LineFacts of a text's lines by line index, as far as known. A line's entry is found by
 * its text in the shared memo; a table filled by one look hands the entries on to the next
 * look's lines that are the same text (skipping the memo look-up, which hashes the line and
 * compares it with the stored copy: the largest single cost of a settle round).
 */
export type LineFactsTable = (LineFacts | undefined)[];

/** The segment cache's size unless set otherwise. */
export const SEGMENT_CACHE_DEFAULT = 4096;
let cacheLimit = SEGMENT_CACHE_DEFAULT;

/**
 * Caps the segment cache (a language server that keeps incremental state needs little; the
 * CLI, which analyses each file once, switches it off with 0: then a segment is analysed
 * without joining its lines into a key and a copy).
 */
export function setSegmentCacheLimit(n: number): void {
  cacheLimit = Math.max(0, n);
  while (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
}

/**
 * A cached segment. The map's key is short (the segment's layout, the options and the
 * lengths of its lines); `body`, the lines joined, is compared only when the key matches.
 * (Keyed by the whole text, every look-up hashed and copied the segment twice: a tenth of
 * the analysis of a big dump, where almost every look-up misses.)
 */
interface CacheEntry {
  /** The segment's lines joined by LF: a copy (a slice would pin the document). */
  body: string;
  result: SegResult;
}
const cache = new Map<string, CacheEntry>();

/** Empties the segment cache (benchmarks measure cold analysis with it). */
export function clearSegmentCache(): void {
  cache.clear();
  clearLineMemos();
}

/**
 * A segment's analysis: from the content cache when it is on; with the cache off (the CLI),
 * from `looks` (the earlier looks of this analyze() call) when one had the same segment;
 * else worked out.
 */
export function analyzeSegmentCached(lines: readonly Line[], s: Segment, phrases: PhraseOptions, eol: string, known?: LineFactsTable, looks?: LookResults): SegResult {
  const rel = (x: number | null) => (x === null ? -1 : x - s.first);
  const texts = perLine(s.last - s.first + 1, (i) => lines[s.first + i].text);
  if (cacheLimit > 0) return cachedByContent(texts, () => factsOf(texts, s.first, known), s, phrases, eol);
  const facts = factsOf(texts, s.first, known);
  const headline = rel(s.headline);
  const header = perLine(s.header.length, (k) => rel(s.header[k]));
  if (!looks) return analyzeSegment(texts, facts, headline, header, phrases, eol);
  const key = looks.key(facts, headline, header, eol);
  const earlier = looks.get(key, facts);
  if (earlier) return earlier;
  const result = analyzeSegment(texts, facts, headline, header, phrases, eol);
  looks.set(key, facts, result);
  return result;
}

/** The content cache: a segment's analysis by its text, layout and options (`facts`: how to get its lines' entries). */
function cachedByContent(texts: string[], facts: () => LineFacts[], s: Segment, phrases: PhraseOptions, eol: string): SegResult {
  // The lines' lengths, hashed: segments that share a key but not their text are rare.
  let lengths = 0;
  for (let i = 0; i < texts.length; i++) lengths = (Math.imul(lengths, 31) + texts[i].length) | 0;
  const rel = (x: number | null) => (x === null ? -1 : x - s.first);
  const key = [s.role, rel(s.headline), s.header.map(rel).join(','), phrases.extra.join('\u0001'), phrases.ignore.join('\u0001'), eol, texts.length, lengths].join('\u0000');
  const body = texts.join('\n');
  const hit = cache.get(key);
  if (hit && hit.body === body) {
    // Refresh its place so the least recently used entry is the one evicted.
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  const result = analyzeSegment(texts, facts(), rel(s.headline), perLine(s.header.length, (k) => rel(s.header[k])), phrases, eol);
  // A different segment under the same key is replaced: the cache holds one per key.
  cache.delete(key);
  // (A one-line segment's join is that line itself: a slice of the document.)
  cache.set(key, { body: texts.length === 1 ? copyOf(body) : body, result });
  while (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * The LineFacts of a segment's lines (`first`: the index of its first line), from `known`
 * where it has them, else from the memo; recorded in `known`. Every per-line rule remembers
 * its result in the line's entry: one look-up per line.
 */
function factsOf(texts: string[], first: number, known?: LineFactsTable): LineFacts[] {
  const facts: LineFacts[] = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    facts[i] = known?.[first + i] ?? lineFacts(texts[i]);
    if (known) known[first + i] = facts[i];
  }
  return facts;
}
