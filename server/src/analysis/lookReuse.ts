// Segment results handed from one look of an analyze() call to the next. The settle rounds
// look at cleaned texts that are mostly the original's lines again, and most segments of a
// later look are a segment of an earlier one unchanged. analyzeSegment depends on a
// segment's line texts, its headline and header lines (relative), the phrase options and the
// line end alone; so a later segment that is the same run of original lines, with the same
// headline and header lines and line end, has the same result and takes it as it is.
// (The content cache finds these too, but joins every segment's lines into one string to
// key and compare it: three copies of a 10 MB dump, some 60 MB kept and 0.1 s of copying.)
import type { SegResult } from './analyze';
import type { Segment } from './segment';

export class LookResults {
  private readonly byLines = new Map<string, SegResult>();

  /**
   * The key of segment `s` of a look whose line i is original line `origin[i]` (-1: a line
   * of the cleaned text that is no original line unchanged; null origin: the original text
   * itself). Null when the segment is not a run of original lines.
   */
  key(s: Segment, origin: Int32Array | null, eol: string): string | null {
    let first = s.first;
    if (origin) {
      first = origin[s.first];
      if (first < 0) return null;
      for (let i = s.first + 1; i <= s.last; i++) if (origin[i] !== first + (i - s.first)) return null;
    }
    const rel = (x: number | null) => (x === null ? -1 : x - s.first);
    return `${first}:${s.last - s.first}:${rel(s.headline)}:${s.header.map(rel).join(',')}:${eol}`;
  }

  get(key: string | null): SegResult | undefined {
    return key === null ? undefined : this.byLines.get(key);
  }

  set(key: string | null, result: SegResult): void {
    if (key !== null) this.byLines.set(key, result);
  }
}
