// broken-line (layout): link text that a copy put on lines of its own, splitting a sentence
// ("Telegram" / "and" / ", citing ..."). A break is broken when the line before does not end
// a sentence and the line after continues it (lower-case start or a comma). The fix joins
// the lines with a space (none before punctuation); nothing is deleted.
import { endsSentence, lastNonSpace, startsContinuation } from '../shape';

export interface Join {
  /** Index of the line whose terminator is replaced. */
  line: number;
  /** Replacement for the terminator: ' ' or ''. */
  glue: string;
}

export function findBrokenJoins(lines: readonly string[]): Join[] {
  const joins: Join[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (a.trim() === '' || b.trim() === '') continue;
    if (endsSentence(a)) continue;
    const end = lastNonSpace(a); // /[:;]\s*$/
    if (end === 58 || end === 59) continue;
    if (!startsContinuation(b)) continue;
    // Bullet-like or numbered lines are lists, not broken prose.
    if (/^\s*(?:[-*•·–]|\d+[.)])\s/u.test(b)) continue;
    joins.push({ line: i, glue: /^\s*[,;:.)\]]/u.test(b) ? '' : ' ' });
  }
  return joins;
}
