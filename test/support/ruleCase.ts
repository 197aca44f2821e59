// Shared by the rule tests: a dump from lines, the findings of a text as [rule, text] pairs,
// and a short invented article to put residue into.
import { analyze } from '../../server/src/analysis';

export const doc = (...lines: string[]) => lines.join('\n') + '\n';
export const found = (text: string) => analyze(text).residue.map((r) => [r.rule, text.slice(r.start, r.end)]);

export const HEAD = 'Council approves new budget for city parks and libraries';
export const P1 = 'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.';
export const P2 = 'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.';
