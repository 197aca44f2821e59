// A passage copied twice: some pages print the article again below itself (a "print" or
// "amp" copy, a teaser card that repeats the intro, a scraper that caught the body twice).
// The second copy adds nothing a reader lacks, so it is residue; the first copy stays.
// A passage counts only when several of its paragraphs recur word for word in a row: a
// single repeated line is a pull quote, a subheading from a table of contents or a chorus,
// and stays. Linear: a line's first sighting is noted in its LineFacts entry (one entry per
// text), or in a map from its text when no entries are at hand.
import type { LineFacts } from '../lineMemo';
import type { BlockHit } from './types';
import { wordCountUpTo } from '../shape';

/** A paragraph: so many words at least. Shorter lines (subheadings, names) may be in the run. */
const PARAGRAPH_WORDS = 12;
/** Paragraphs a copy repeats, at least. */
const MIN_PARAGRAPHS = 4;

let scans = 0;

export function findRepeatedPassages(lines: readonly string[], facts?: readonly LineFacts[]): BlockHit[] {
  // Where a text was first seen: in its LineFacts entry (stamped with this scan), else a map.
  const stamp = ++scans;
  const firstAt = facts ? null : new Map<string, number>();
  const seenBefore = (i: number): number | undefined => {
    if (firstAt) {
      const at = firstAt.get(lines[i]);
      if (at === undefined) firstAt.set(lines[i], i);
      return at;
    }
    const f = facts![i];
    if (f.seenStamp === stamp) return f.seenAt;
    f.seenStamp = stamp;
    f.seenAt = i;
    return undefined;
  };
  const blocks: BlockHit[] = [];
  // The current run of non-blank lines seen before: where it starts, its paragraphs, and
  // the first copy's line of its first line (for the message).
  let runFirst = -1;
  let runLast = -1;
  let paragraphs = 0;
  let source = -1;
  const flush = () => {
    if (runFirst >= 0 && paragraphs >= MIN_PARAGRAPHS) {
      blocks.push({
        first: runFirst,
        last: runLast,
        rule: 'site-chrome',
        evidence: `repeats, word for word, the ${paragraphs} paragraphs from line ${source + 1} on (a second copy of the text)`,
      });
    }
    runFirst = -1;
    paragraphs = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;
    const seen = seenBefore(i);
    if (seen === undefined) {
      flush();
      continue;
    }
    if (runFirst < 0) {
      runFirst = i;
      source = seen;
    }
    runLast = i;
    if (wordCountUpTo(line, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS) paragraphs++;
  }
  flush();
  return blocks;
}
