// Segment results handed from one look of an analyze() call to the next. The settle rounds
// look at cleaned texts that are mostly the original's lines again, and most segments of a
// later look are a segment of an earlier one unchanged. analyzeSegment depends on a
// segment's line texts, its headline and header lines (relative), the phrase options (one
// call, one set) and the line end alone; so a later segment with the same lines, headline
// and header lines and line end has the same result and takes it as it is.
// A line's text is known by its LineFacts entry: an entry is made for one text, and is handed
// on only to lines of that same text (lineMemo.ts, factsThrough in analyze.ts), so equal
// entries mean equal texts without hashing or comparing the texts. (The content cache finds
// these segments too, but joins every segment's lines into one string to key and compare it:
// three copies of a 10 MB dump, some 60 MB kept and copied. The CLI, which analyses each text
// once, switches that cache off, and this takes its place within one analyze() call.)
import type { SegResult } from './segmentAnalysis';
import type { LineFacts } from './lineMemo';

interface Entry {
  facts: readonly LineFacts[];
  result: SegResult;
}

export class LookResults {
  private readonly entries = new Map<string, Entry>();

  /** The key of a segment whose lines have `facts` (headline and header lines relative, -1: none). */
  key(facts: readonly LineFacts[], headline: number, header: readonly number[], eol: string): string {
    let h = 0;
    for (let i = 0; i < facts.length; i++) h = (Math.imul(h, 31) + facts[i].id) | 0;
    return `${facts.length}:${h}:${headline}:${header.join(',')}:${eol}`;
  }

  /** The result stored under `key` for exactly these lines (entries compared one by one). */
  get(key: string, facts: readonly LineFacts[]): SegResult | undefined {
    const e = this.entries.get(key);
    if (!e || e.facts.length !== facts.length) return undefined;
    for (let i = 0; i < facts.length; i++) if (e.facts[i] !== facts[i]) return undefined;
    return e.result;
  }

  set(key: string, facts: readonly LineFacts[], result: SegResult): void {
    this.entries.set(key, { facts, result });
  }
}
