// npm run eval -- DIR_OR_FILE... [--worst N] [--files] [--json] [--threshold T] [--body-prose T] [--unknown-language]
// Scores the engine in-process on annotated dumps (.ann), with the same metrics as
// /work/shared/tools/score-dumps.py (token residue recall / removal precision / F1, title
// recall / precision, source accuracy), then lists the worst files.
// --unknown-language scores the pages with their Latin letters swapped for Greek ones, case
// kept: the same pages in a language none of the phrase lists knows, so that only the page
// classifier's shape and position cues are left.
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../server/src/analysis';
import { setChromeThreshold } from '../server/src/analysis/page/classify';
import { AnnDoc, FileScore, parseAnn, scoreDoc, summarize, summaryLine, PredArticle } from '../test/support/ann';

function listAnn(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  return fs
    .readdirSync(p)
    .filter((f) => f.endsWith('.ann'))
    .sort()
    .map((f) => path.join(p, f));
}

function clip(s: string, n: number): string {
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

const GREEK_LOWER = 'αβγδεζηθικλμνξοπρστυφχψωάέ';
const GREEK_UPPER = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈ';
/** One UTF-16 unit for one, so the gold spans' offsets still hold. */
function toGreek(s: string): string {
  return s.replace(/[A-Za-z]/g, (c) => (c <= 'Z' ? GREEK_UPPER[c.charCodeAt(0) - 65] : GREEK_LOWER[c.charCodeAt(0) - 97]));
}

function asUnknownLanguage(doc: AnnDoc): AnnDoc {
  return {
    ...doc,
    raw: toGreek(doc.raw),
    data: toGreek(doc.data),
    articles: doc.articles.map((a) => ({ ...a, title: toGreek(a.title), source: a.source === null ? null : toGreek(a.source) })),
    lines: doc.lines.map((l) => ({ ...l, text: toGreek(l.text) })),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  let worst = 10;
  let perFile = false;
  let json = false;
  const inputs: string[] = [];
  let threshold: number | null = null;
  let bodyProse: number | null = null;
  let unknownLanguage = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--worst') worst = Number(args[++i]);
    else if (a === '--threshold') threshold = Number(args[++i]);
    else if (a === '--body-prose') bodyProse = Number(args[++i]);
    else if (a === '--files') perFile = true;
    else if (a === '--unknown-language') unknownLanguage = true;
    else if (a === '--json') json = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run eval -- DIR_OR_FILE... [--worst N] [--files] [--json] [--threshold T] [--body-prose T] (page classifier thresholds) [--unknown-language] (Latin letters as Greek: no phrase rule fires)');
      return;
    } else inputs.push(a);
  }
  if (!inputs.length) inputs.push('/work/shared/corpus/dev');
  setChromeThreshold(threshold, bodyProse);
  const t0 = Date.now();
  const all: FileScore[] = [];
  let errors = 0;
  const groups: { name: string; rows: FileScore[]; errors: number }[] = [];
  for (const input of inputs) {
    const rows: FileScore[] = [];
    let gErr = 0;
    for (const file of listAnn(input)) {
      const doc = unknownLanguage ? asUnknownLanguage(parseAnn(file)) : parseAnn(file);
      let cleaned: string | null = null;
      let arts: PredArticle[] = [];
      try {
        cleaned = clean(doc.data);
        arts = analyze(doc.data).articles.map((a) => ({ title: a.headline, source: a.source }));
      } catch (e) {
        gErr++;
        console.error(`${file}: ${(e as Error).stack ?? e}`);
      }
      const r = scoreDoc(path.basename(file), doc, cleaned, arts);
      rows.push(r);
      if (perFile) {
        const { fpText, fnText, fpLines, goldTitles, predTitles, ...nums } = r;
        void fpLines;
        console.log(
          JSON.stringify({
            ...nums,
            ...(json ? { missed: fnText.slice(0, 400), wrongly_removed: fpText.slice(0, 400), goldTitles, predTitles } : {}),
          }),
        );
      }
    }
    groups.push({ name: input, rows, errors: gErr });
    all.push(...rows);
    errors += gErr;
  }
  const ms = Date.now() - t0;

  if (worst > 0) {
    const fpRows = [...all].filter((r) => r.removed - r.tp > 0).sort((a, b) => b.removed - b.tp - (a.removed - a.tp));
    console.log(`\n== worst by wrongly removed (non-residue) tokens ==`);
    for (const r of fpRows.slice(0, worst)) {
      console.log(`${r.file}: ${r.removed - r.tp} wrongly removed of ${r.tokens - r.residue_tokens} kept-gold tokens`);
      for (const l of r.fpLines.slice(0, 4)) console.log(`    - ${clip(l, 140)}`);
      if (r.fpLines.length > 4) console.log(`    … ${r.fpLines.length - 4} more lines`);
    }
    const fnRows = [...all].filter((r) => r.residue_tokens - r.tp > 0).sort((a, b) => b.residue_tokens - b.tp - (a.residue_tokens - a.tp));
    console.log(`\n== worst by missed residue tokens ==`);
    for (const r of fnRows.slice(0, worst)) {
      console.log(`${r.file}: ${r.residue_tokens - r.tp} missed of ${r.residue_tokens} residue tokens: ${clip(r.fnText, 160)}`);
    }
    const tRows = all.filter((r) => r.title_hits_gold < r.gold_articles);
    console.log(`\n== missed titles (${tRows.length} files) ==`);
    for (const r of tRows.slice(0, worst)) {
      console.log(`${r.file}: gold ${JSON.stringify(clip(r.goldTitles[0] ?? '', 80))} got ${JSON.stringify(r.predTitles.slice(0, 2).map((t) => clip(t, 60)))}`);
    }
    console.log('');
  }
  if (groups.length > 1)
    for (const g of groups) console.log(`${g.name}: ${summaryLine(summarize(g.rows, g.errors))}`);
  console.error(`scored ${all.length} files in ${(ms / 1000).toFixed(1)}s`);
  console.log(summaryLine(summarize(all, errors)));
}

main();
