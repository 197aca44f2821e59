// Hover on residue: which rule fired, the evidence for it, and what the fix does.
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { Residue } from '../analysis/model';
import { RULES } from '../analysis/rules';
import { ruleHref } from './constants';
import type { Analysis } from './documents';
import { visibleResidue } from './diagnostics';
import { severityFor } from './settings';

function inside(r: Residue, p: Position): boolean {
  const s = r.range.start;
  const e = r.range.end;
  const afterStart = p.line > s.line || (p.line === s.line && p.character >= s.character);
  const beforeEnd = p.line < e.line || (p.line === e.line && p.character < e.character);
  return afterStart && beforeEnd;
}

/** Markdown-escape text taken from the dump. */
function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function residueAt(a: Analysis, p: Position): Residue | undefined {
  const m = a.model;
  if (!m || !a.annotate || m.notice) return undefined;
  return visibleResidue(m.residue, a.settings).find((r) => inside(r, p));
}

export function hoverFor(a: Analysis, p: Position): Hover | null {
  const r = residueAt(a, p);
  if (!r) return null;
  const meta = RULES[r.rule];
  const sev = severityFor(a.settings, r.rule, r.severity);
  const lines = [
    `**newsdump: [\`${r.rule}\`](${ruleHref(r.rule)})** (${sev})`,
    '',
    esc(r.message || meta.description),
    '',
    `**Why:** ${esc(r.evidence || meta.description)}`,
    '',
    `**Fix:** ${esc(r.fix.title || meta.fixTitle)}${r.fix.kind === 'layout' ? ' (layout fix: not part of "Clean dump")' : ' (part of "Clean dump")'}`,
  ];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: r.range };
}
