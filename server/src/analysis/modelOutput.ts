// From a segment's findings and line roles (segment-relative line numbers) to the model's
// residue and articles (offsets into the document, and LSP ranges).
import type { Article, Edit, Residue, RuleId, Section } from './model';
import { RULES } from './rules';
import type { SegFinding, SegResult } from './segmentAnalysis';
import type { Segment } from './segment';
import type { Line, PositionMapper, Range } from './text';

const MESSAGES: Record<RuleId, string> = {
  'sponsored-widget': 'Sponsored link widget',
  'ad-marker': 'Advertisement marker',
  promo: 'Promotion for the site (newsletter, app, subscription)',
  'site-chrome': 'Page furniture (navigation, sharing, comments, footer)',
  'inline-teaser': 'Teaser for another story',
  'broken-line': 'Line broken inside a sentence',
  'glued-heading': 'Subheading glued to the next sentence',
};

export function toResidue(lines: readonly Line[], base: number, f: SegFinding, mapper: PositionMapper, article: number): Residue {
  const meta = RULES[f.rule];
  const first = lines[base + f.first];
  const last = lines[base + f.last];
  let start: number;
  let end: number;
  let edit: { start: number; end: number; newText: string };
  if (f.start === undefined) {
    start = first.start;
    end = last.end;
    edit = { start: first.start, end: last.next, newText: '' };
  } else if (f.parts) {
    const at = (line: number, col: number) => lines[base + line].start + col;
    const edits = f.parts.map((p) => ({ start: at(p.line, p.col), end: at(p.endLine, p.endCol), newText: p.newText }));
    return finish(f, meta, edits[0].start, edits[edits.length - 1].end, edits, mapper, article);
  } else {
    start = first.start + f.start;
    end = first.start + (f.end ?? f.start);
    edit = { start, end, newText: f.newText ?? '' };
  }
  return finish(f, meta, start, end, [edit], mapper, article);
}

function finish(
  f: SegFinding, meta: (typeof RULES)[RuleId], start: number, end: number,
  edits: { start: number; end: number; newText: string }[], mapper: PositionMapper, article: number,
): Residue {
  const fixEdits: Edit[] = edits.map((e) => ({ ...e, range: mapper.range(e.start, e.end) }));
  return {
    rule: f.rule,
    message: MESSAGES[f.rule],
    severity: meta.defaultSeverity,
    start,
    end,
    range: mapper.range(start, end),
    evidence: f.evidence,
    fix: { title: meta.fixTitle, kind: meta.fixKind, edits: fixEdits },
    article,
    origin: f.classifier ? 'classifier' : 'rule',
  };
}

export function buildArticle(lines: readonly Line[], s: Segment, r: SegResult, mapper: PositionMapper): Article | null {
  const abs = (i: number) => s.first + i;
  const keptLines: number[] = [];
  r.roles.forEach((role, i) => {
    if (role !== 'chrome' && role !== 'blank') keptLines.push(i);
  });
  if (r.headline === null && keptLines.length === 0) return null;
  const headlineLine = r.headline === null ? null : lines[abs(r.headline)];
  const column = r.headline !== null && r.headline === (s.headline === null ? -1 : s.headline - s.first) ? s.headlineColumn : 0;
  const headline = headlineLine ? headlineLine.text.slice(column).trim() : firstWords(lines[abs(keptLines[0])].text);
  const headlineRange: Range | null = headlineLine ? mapper.range(headlineLine.start + column, headlineLine.end) : null;

  // The article runs from its first header or headline line to its last kept line.
  // keptLines is in order: its ends are its first and last entries (no copies of it).
  let firstRel = keptLines.length > 0 ? keptLines[0] : Infinity;
  let lastRel = keptLines.length > 0 ? keptLines[keptLines.length - 1] : -Infinity;
  if (r.headline !== null && r.headline < firstRel) firstRel = r.headline;
  if ((r.headline ?? 0) > lastRel) lastRel = r.headline ?? 0;
  for (const h of s.header) {
    if (h - s.first < firstRel) firstRel = h - s.first;
    if (h - s.first > lastRel) lastRel = h - s.first;
  }
  const range = mapper.range(lines[abs(firstRel)].start, lines[abs(lastRel)].end);
  const headerSet = new Set(s.header);
  const bodyLines = keptLines.filter((i) => i !== r.headline && !headerSet.has(abs(i)) && (r.headline === null || i > r.headline));
  const bodyRange = bodyLines.length
    ? mapper.range(lines[abs(bodyLines[0])].start, lines[abs(bodyLines[bodyLines.length - 1])].end)
    : headlineRange ?? range;

  const sections: Section[] = [];
  const headings = bodyLines.filter((i) => r.roles[i] === 'heading');
  // A section runs to the last body line before the next heading (one walk, not a filter
  // per heading: a page can have thousands of short "headings").
  let b = 0;
  headings.forEach((h, k) => {
    const next = k + 1 < headings.length ? headings[k + 1] : Infinity;
    while (b + 1 < bodyLines.length && bodyLines[b + 1] < next) b++;
    const endLine = lines[abs(Math.max(bodyLines[b], h))];
    sections.push({
      title: lines[abs(h)].text.trim(),
      titleRange: mapper.range(lines[abs(h)].start, lines[abs(h)].end),
      range: mapper.range(lines[abs(h)].start, endLine.end),
    });
  });
  return {
    headline,
    headlineRange,
    source: s.source,
    published: s.published ?? r.published,
    byline: s.byline ?? r.byline,
    bodyRange,
    range,
    sections,
    role: s.role,
  };
}

function firstWords(t: string): string {
  const words = t.trim().split(/\s+/).slice(0, 12).join(' ');
  return words.length < t.trim().length ? words + '…' : words;
}
