// Code actions from the model: a preferred quick fix per finding, "delete all residue in this
// article", and the fix-all (source.fixAll.newsdump) whose result is exactly the engine's
// `clean`. Every edit is versioned with the version the model was computed for.
import {
  CodeAction, CodeActionKind, CodeActionParams, Diagnostic, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAllEdits } from '../analysis/clean';
import type { Article, DumpModel, Edit, Residue } from '../analysis/model';
import { RULES } from '../analysis/rules';
import { ARTICLE_FIX_KIND, FIX_ALL_KIND } from './constants';
import { isDiagnosticOf, residueDiagnostic, visibleResidue } from './diagnostics';
import type { Analysis } from './documents';

export interface EditSupport {
  /** Client accepts `documentChanges` (versioned edits); otherwise plain `changes`. */
  documentChanges: boolean;
}

/** Sorted, with overlaps dropped exactly as the engine's applyEdits drops them. */
export function normalizeEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out.push(e);
    pos = e.end;
  }
  return out;
}

export function workspaceEdit(a: Analysis, edits: readonly Edit[], support: EditSupport): WorkspaceEdit {
  const textEdits: TextEdit[] = normalizeEdits(edits).map((e) => ({ range: e.range, newText: e.newText }));
  if (!support.documentChanges) return { changes: { [a.uri]: textEdits } };
  return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits: textEdits }] };
}

/** The fix-all edits: every visible deleting fix (what `clean` applies). */
export function fixAllFor(a: Analysis): Edit[] {
  const m = a.model;
  if (!m || !a.annotate || m.notice) return [];
  return fixAllEdits({ ...m, residue: visibleResidue(m.residue, a.settings) });
}

/** Does `only` (from the request context) admit actions of `kind`? */
export function kindAllowed(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(o + '.'));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges overlap or touch. */
function intersects(x: Range, y: Range): boolean {
  return !before(x.end, y.start) && !before(y.end, x.start);
}

function contains(r: Range, p: Range['start']): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

export function articleAt(model: DumpModel, pos: Range['start']): number {
  return model.articles.findIndex((art: Article) => contains(art.range, pos));
}

export function codeActionsFor(a: Analysis, params: CodeActionParams, support: EditSupport): CodeAction[] {
  const m = a.model;
  if (!m || !a.annotate || m.notice) return [];
  const only = params.context.only;
  const residue = visibleResidue(m.residue, a.settings);
  const out: CodeAction[] = [];

  if (kindAllowed(CodeActionKind.QuickFix, only)) {
    for (const r of residue) {
      if (!intersects(r.range, params.range)) continue;
      const diag: Diagnostic = params.context.diagnostics.find((d) => isDiagnosticOf(d, r)) ?? residueDiagnostic(r, a.settings);
      out.push({
        title: RULES[r.rule].fixTitle,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: true,
        edit: workspaceEdit(a, r.fix.edits, support),
      });
    }
  }

  if (kindAllowed(ARTICLE_FIX_KIND, only)) {
    const idx = articleAt(m, params.range.start);
    const inArticle: Residue[] = idx < 0 ? [] : residue.filter((r) => r.article === idx && r.fix.kind === 'delete');
    if (inArticle.length > 0) {
      out.push({
        title: 'Delete all residue in this article',
        kind: ARTICLE_FIX_KIND,
        diagnostics: inArticle.map((r) => params.context.diagnostics.find((d) => isDiagnosticOf(d, r)) ?? residueDiagnostic(r, a.settings)),
        edit: workspaceEdit(a, inArticle.flatMap((r) => r.fix.edits), support),
      });
    }
  }

  if (kindAllowed(FIX_ALL_KIND, only)) {
    const edits = fixAllFor(a);
    if (edits.length > 0) {
      out.push({
        title: 'Delete all newsdump residue (clean dump)',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(a, edits, support),
      });
    }
  }
  return out;
}
