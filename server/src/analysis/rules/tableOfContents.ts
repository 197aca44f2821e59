// A table of contents copied with the page: a "Table of contents" / "In this article" /
// "Inhalt" line, then the section titles as links, each of which comes back further down as
// the subheading it points to. The list is navigation (site chrome); the subheadings below
// are the article's and stay. An entry counts only when its text recurs later as a line of
// its own, so a list that merely follows such a label ("Contents: flour, sugar, ...") is not
// taken for one.
import type { BlockHit } from './types';

const HEAD =
  /^(?:table of contents|contents|content|in this (?:article|post|guide|story|review|page)|jump to|skip to|on this page|quick links|what'?s inside|inhalt|inhaltsverzeichnis|inhaltsübersicht|sommaire|table des matières|dans cet article|índice|índice de contenidos|contenido|contenidos|en este artículo|indice|sommario|in questo articolo|spis treści|w tym artykule|содержание|оглавление|в этой статье|inhoud|inhoudsopgave|innehåll|indholdsfortegnelse|sisällys|obsah|tartalom|içindekiler|目次|目录|目錄|목차|สารบัญ|المحتويات|विषय सूची)\s*[:：]?\s*(?:\[\s*(?:show|hide|toggle)\s*\]|[-–—▾▼+]\s*)?$/iu;

/** Labels that are also ordinary subheadings ("Content", "Inhalt", "Índice" of a guide to
 *  contents, indexes...): a table of contents only with at least one entry under them. */
const PLAIN_WORD = /^(?:contents?|inhalt|índice|indice|contenidos?|inhoud|innehåll|obsah|tartalom|sisällys|содержание|in this (?:article|post|guide|story|review|page)|on this page|what'?s inside)(?![\p{L}\p{N}])/iu;

/** Entries are titles, not paragraphs. */
const MAX_ENTRY_WORDS = 20;

/** A title as it is compared: case, spacing, numbering and trailing colons do not matter. */
function key(t: string): string {
  return t
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^(?:(?:step|chapter|part|kapitel|étape|paso)\s+)?(?:\d{1,3}\s*[.):–—-]?|[ivx]{1,5}[.)])\s*(?=\S)/u, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s:：.]+$/u, '');
}

function words(t: string): number {
  const s = t.trim();
  return s === '' ? 0 : s.split(/\s+/u).length;
}

export function findTocBlocks(lines: readonly string[]): BlockHit[] {
  const blocks: BlockHit[] = [];
  let later: Map<string, number> | null = null; // key -> last line holding it
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.length === 0 || t.length > 60 || !HEAD.test(t)) continue;
    if (later === null) {
      later = new Map();
      for (let j = 0; j < lines.length; j++) {
        const k = key(lines[j]);
        if (k !== '') later.set(k, j);
      }
    }
    let last = i;
    let entries = 0;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j].trim() === '') continue;
      if (words(lines[j]) > MAX_ENTRY_WORDS) break;
      const k = key(lines[j]);
      const at = later.get(k);
      if (k === '' || at === undefined || at <= j) break;
      last = j;
      entries++;
    }
    if (entries === 0 && PLAIN_WORD.test(t)) continue;
    blocks.push({
      first: i,
      last,
      rule: 'site-chrome',
      evidence: entries > 0 ? `a table of contents ("${t}" and ${entries} section links that recur below as subheadings)` : `the table-of-contents label "${t}"`,
    });
    i = last;
  }
  return blocks;
}
