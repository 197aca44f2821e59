// Residue -> Diagnostic. One diagnostic per residue block (the engine merges adjacent hits).
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { DumpModel, Residue, Severity } from '../analysis/model';
import { RULES } from '../analysis/rules';
import { ruleHref, SOURCE } from './constants';
import type { Analysis } from './documents';
import { lineageOf } from './modelDelta';
import { RuleSetting, severityFor, Settings } from './settings';

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    default: return DiagnosticSeverity.Hint;
  }
}

/** Residue the user wants to see (rules set to "off" are dropped). */
export function visibleResidue(residue: readonly Residue[], settings: Settings): Residue[] {
  // Only a setting turns a rule off (the engine's severities never are 'off'): without one,
  // every block is visible, and 50,000 of them need not be read on every keystroke.
  if (!Object.values(settings.rules).includes('off')) return residue.slice();
  return residue.filter((r) => severityFor(settings, r.rule, r.severity) !== 'off');
}

export function residueDiagnostic(r: Residue, settings: Settings): Diagnostic {
  const sev = severityFor(settings, r.rule, r.severity) as Exclude<RuleSetting, 'off'>;
  const d: Diagnostic = {
    range: r.range,
    severity: toLspSeverity(sev),
    source: SOURCE,
    code: r.rule,
    codeDescription: { href: ruleHref(r.rule) },
    message: r.message || RULES[r.rule].description,
  };
  if (r.fix.kind === 'delete') d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** Information diagnostic on the first line (skipped file, "not a text dump"). */
export function noticeDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message,
  };
}

/** Per model: the diagnostic of each residue block (null when its rule is off), for `settings`. */
const perModel = new WeakMap<DumpModel, { settings: Settings; diags: (Diagnostic | null)[] }>();

function diagnosticOrNull(r: Residue, settings: Settings): Diagnostic | null {
  return severityFor(settings, r.rule, r.severity) === 'off' ? null : residueDiagnostic(r, settings);
}

/**
 * The diagnostic of each residue block of `m`. A model rebuilt from its predecessor's
 * (an edit: modelDelta.ts) reuses the predecessor's diagnostics for the blocks before the
 * edit, and after it too when the edit added or removed no line (their ranges are the same).
 */
function residueDiagnostics(m: DumpModel, settings: Settings): (Diagnostic | null)[] {
  const cached = perModel.get(m);
  if (cached && cached.settings === settings) return cached.diags;
  const lin = lineageOf(m);
  const prev = lin && perModel.get(lin.from);
  let diags: (Diagnostic | null)[];
  if (lin && prev && prev.settings === settings) {
    const { keep, tail } = lin.residue;
    const n = m.residue.length;
    diags = new Array(n);
    for (let i = 0; i < keep; i++) diags[i] = prev.diags[i];
    for (let i = keep; i < n - tail; i++) diags[i] = diagnosticOrNull(m.residue[i], settings);
    const off = prev.diags.length - n;
    for (let i = n - tail; i < n; i++) diags[i] = lin.dLine === 0 ? prev.diags[i + off] : diagnosticOrNull(m.residue[i], settings);
  } else diags = m.residue.map((r) => diagnosticOrNull(r, settings));
  perModel.set(m, { settings, diags });
  return diags;
}

export function diagnosticsFor(a: Analysis): Diagnostic[] {
  if (!a.annotate) return [];
  if (a.skipped) return [noticeDiagnostic(a.skipped.message)];
  const m = a.model;
  if (!m) return [];
  if (m.shape === 'empty') return [];
  if (m.notice) return [noticeDiagnostic(m.notice)];
  const all = residueDiagnostics(m, a.settings).filter((d): d is Diagnostic => d !== null);
  const max = a.settings.maxDiagnostics;
  if (max === 0 || all.length <= max) return all;
  // A month of scraped pages has tens of thousands of findings: publishing them all on every
  // keystroke costs the server and the editor far more than the list is worth (VS Code keeps
  // 1,000 per file anyway). The first ones are shown, and a notice says how many more.
  const shown = all.slice(0, max);
  shown.push(noticeDiagnostic(
    `newsdump: ${max.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} findings shown (setting newsdump.maxDiagnostics, 0 for all); "Clean dump" removes every one of them.`,
  ));
  return shown;
}

/** True when a client diagnostic is the one `residueDiagnostic` made for `r`. */
export function isDiagnosticOf(d: Diagnostic, r: Residue): boolean {
  return d.source === SOURCE && String(d.code) === r.rule
    && d.range.start.line === r.range.start.line && d.range.start.character === r.range.start.character
    && d.range.end.line === r.range.end.line && d.range.end.character === r.range.end.character;
}
