// Decides, from the engine's model alone, whether a plain `.txt` file is a news dump worth
// annotating in `newsdump.plaintext: "auto"` mode. It must stay silent on READMEs, licences,
// changelogs and prose (a novel chapter): the engine's page classifier calls some of their
// short lines "page furniture", and a phrase rule can fire once by accident, but they have
// no dump layout, no ad furniture and no page metadata. A missed dump costs one command
// ("Treat this file as a news dump"); a README full of squiggles costs trust, so the bar is
// high. Measured on the corpus: 0 of 120 READMEs/licences/changelogs from node_modules, all
// aggregator dumps and the copied pages with phrase-rule hits.
import type { DumpModel, Residue, RuleId } from '../analysis/model';

/** Rules whose findings almost never occur outside a copied web page. */
const STRONG: ReadonlySet<RuleId> = new Set<RuleId>(['sponsored-widget', 'ad-marker']);

/** Findings of the engine's line classifier (as opposed to its phrase and widget rules). */
export function isClassifierFinding(r: Residue): boolean {
  return r.origin === 'classifier';
}

export function looksLikeNewsDump(model: DumpModel): boolean {
  if (model.notice !== null) return false;
  if (model.shape === 'empty' || model.shape === 'binary') return false;
  // Source / time / "- source" entries: only news aggregators print those.
  if (model.shape === 'aggregator') return true;

  const deletable = model.residue.filter((r) => r.fix.kind === 'delete');
  if (deletable.some((r) => STRONG.has(r.rule))) return true;

  // An article with page metadata (source line, publication time) and residue around it.
  if (deletable.length > 0 && model.articles.some((a) => a.source !== null || a.published !== null)) return true;

  // A copied page: at least two findings of the phrase rules (share bars, newsletter
  // prompts, "ALSO READ" teasers...). Classifier guesses alone do not count.
  return deletable.filter((r) => !isClassifierFinding(r)).length >= 2;
}
