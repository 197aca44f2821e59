// Dumps classifier features and gold labels for every non-blank line that reaches the page
// classifier, by running the real engine (segmentation and phrase rules included) on .ann
// files and recording each classifyPage input.
//
// usage: node out/dump.js OUT_PREFIX [--augment] DIR_OR_FILE...
//   -> OUT_PREFIX.bin (float32 rows x features), OUT_PREFIX.json (names, files, labels)
// --augment adds variants that real dumps also have: the page cut to start at its headline
// (no navigation above), and only its article lines (an already clean article, which must
// stay whole); both for every other file; every third file in an uncased script; and every
// third file with no phrase-rule hits.
import * as fs from 'fs';
import * as path from 'path';
import { analyzeOnce, clearSegmentCache } from '../../server/src/analysis/analyze';
import { setPageTrace, PageInput } from '../../server/src/analysis/page/classify';
import { pageFeatures, FEATURE_NAMES, NF } from '../../server/src/analysis/page/features';
import { AnnLine, parseAnn } from '../../test/support/ann';

const argv = process.argv.slice(2);
const augment = argv.includes('--augment');
const [outPrefix, ...dirs] = argv.filter((a) => a !== '--augment');
const files: string[] = [];
for (const d of dirs) {
  if (fs.statSync(d).isFile()) files.push(d);
  else for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.ann')).sort()) files.push(path.join(d, f));
}
const chunks: Float32Array[] = [];
const meta = {
  features: FEATURE_NAMES,
  files: [] as string[],
  // per row: file index, doc line, residue label, headline label, meta label, ruled, header,
  // segment id, variant (0 page, 1 cut at headline, 2 article only, 3 uncased script, 4 no rule hits)
  rows: [] as number[][],
  texts: [] as string[],
};
let seg = 0;

function uncased(t: string): string {
  return t.replace(/[A-Za-z]/g, (c) => String.fromCharCode(0x05d0 + ((c.toLowerCase().charCodeAt(0) - 97) % 27)));
}

const isResidue = (L: AnnLine) => L.chars > 0 && L.residueChars * 2 > L.chars;

function run(fi: number, lines: AnnLine[], variant: number, noRules = false): void {
  const text = lines.map((l) => l.text).join('\n');
  const inputs: PageInput[] = [];
  setPageTrace((inp) => inputs.push(inp));
  // The first look only: settling looks at cleaned texts, whose lines are not these. A
  // cached segment would not reach the classifier (a variant may repeat the page's text).
  clearSegmentCache();
  analyzeOnce(text);
  setPageTrace(null);
  let from = 0;
  for (let inp of inputs) {
    let s = from;
    const n = inp.lines.length;
    while (s < lines.length && !(lines[s].text === inp.lines[0] && (n < 2 || lines[s + 1]?.text === inp.lines[1]))) s++;
    if (s >= lines.length) {
      console.error(`${files[fi]}: segment not found`);
      continue;
    }
    from = s + n;
    // Without rules: as if no phrase list knew the page's language. The classifier must
    // then find the furniture by shape and position alone, and must not take a page
    // without rule hits for one without furniture.
    if (noRules) inp = { ...inp, ruled: inp.ruled.map(() => null) };
    const pf = pageFeatures(inp);
    for (let k = 0; k < pf.idx.length; k++) {
      const i = pf.idx[k];
      const L = lines[s + i];
      meta.rows.push([fi, s + i, isResidue(L) ? 1 : 0, L.tag === 'headline' ? 1 : 0, L.tag && L.tag !== 'headline' ? 1 : 0, inp.ruled[i] ? 1 : 0, inp.header[i] ? 1 : 0, seg, variant]);
      meta.texts.push(L.text.slice(0, 120));
    }
    chunks.push(pf.x);
    seg++;
  }
}

for (let fi = 0; fi < files.length; fi++) {
  const doc = parseAnn(files[fi]);
  meta.files.push(files[fi]);
  run(fi, doc.lines, 0);
  if (!augment) continue;
  // every third file once more in an uncased script (Latin letters mapped to Hebrew ones):
  // Hindi, Arabic or Hebrew pages have no capitals, and the model must not need them
  if (fi % 3 === 1) run(fi, doc.lines.map((l) => ({ ...l, text: uncased(l.text) })), 3);
  // every third file once more with no phrase-rule hits (a language the lists do not cover)
  if (fi % 3 === 2) run(fi, doc.lines, 4, true);
  const h = doc.lines.findIndex((l) => l.tag === 'headline');
  if (h > 0 && fi % 2 === 0) run(fi, doc.lines.slice(h), 1);
  if (fi % 2 === 1) continue;
  const kept = doc.lines.filter((l) => l.text.trim() === '' || !isResidue(l));
  if (kept.length > 3) run(fi, kept, 2);
}
// the analysis cache would hide repeated segments from the trace: none are expected here
const total = chunks.reduce((a, c) => a + c.length, 0);
const all = new Float32Array(total);
let o = 0;
for (const c of chunks) {
  all.set(c, o);
  o += c.length;
}
fs.writeFileSync(outPrefix + '.bin', Buffer.from(all.buffer));
fs.writeFileSync(outPrefix + '.json', JSON.stringify(meta));
console.log(`${files.length} files, ${meta.rows.length} rows x ${NF} features`);
