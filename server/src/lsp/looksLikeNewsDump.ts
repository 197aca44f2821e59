// Decides, from the engine's model alone, whether a plain `.txt` file is a news dump worth
// annotating in `newsdump.plaintext: "auto"` mode. It must stay silent on READMEs, notes and
// prose (a novel chapter): those may trip one weak phrase rule ("Read more", "Subscribe"),
// but they have no dump layout and no ad furniture.
import type { DumpModel, RuleId } from '../analysis/model';

/** Rules whose findings almost never occur outside a copied web page. */
const STRONG: ReadonlySet<RuleId> = new Set<RuleId>(['sponsored-widget', 'ad-marker']);

export function looksLikeNewsDump(model: DumpModel): boolean {
  if (model.notice !== null) return false;
  if (model.shape === 'empty' || model.shape === 'binary') return false;
  // Layouts the engine only reports when it saw source / time / "- source" headers.
  if (model.shape === 'aggregator' || model.shape === 'scraper') return true;

  const deletable = model.residue.filter((r) => r.fix.kind === 'delete');
  if (deletable.some((r) => STRONG.has(r.rule))) return true;

  // An article with page metadata (source line, publication time) and residue inside it.
  const withResidue = new Set(deletable.map((r) => r.article).filter((a) => a >= 0));
  for (const i of withResidue) {
    const a = model.articles[i];
    if (a && (a.source !== null || a.published !== null)) return true;
  }

  // A copied page: several residue blocks of at least two kinds (navigation + promo, ...),
  // or many blocks of page furniture (menus, share bars, footers around one story).
  if (model.shape !== 'page' && model.shape !== 'single') return false;
  const rules = new Set(deletable.map((r) => r.rule));
  return (deletable.length >= 3 && rules.size >= 2) || deletable.length >= 5;
}
