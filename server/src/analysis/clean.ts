// Applies fixes to text. `clean` is exactly the editor's fix-all: every deleting fix, and
// the layout fixes only when asked for.
import type { DumpModel, Edit } from './model';

/** Applies non-overlapping edits (any order) to `text`. Overlaps keep the earlier edit. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

/** The edits of the fix-all: deletions, plus layout fixes when `layout` is set. */
export function fixAllEdits(model: DumpModel, opts: { layout?: boolean } = {}): Edit[] {
  const edits: Edit[] = [];
  for (const r of model.residue) {
    if (r.fix.kind === 'layout' && !opts.layout) continue;
    // A loop, not push(...edits): a chain of 100k joins would overflow the argument stack.
    for (const e of r.fix.edits) edits.push(e);
  }
  return edits;
}
