// `node scripts/run-ts.js scripts/hash-outputs.ts [CORPUS_DIR]`: hashes of the engine's
// output (JSON of analyze() and the text of clean(), with and without extra/ignore phrases)
// over every .ann file under the corpus, the bench fixtures, generated dumps (small ones, a
// 2 MB scraper dump, the fixtures as one page), incremental keystrokes, and options that
// change between calls without clearing the caches. A speed change must leave every hash
// as it was: run it before and after and compare.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../server/src/analysis';
import { clearSegmentCache } from '../server/src/analysis/analyze';
import { analyzeFull, analyzeIncremental } from '../server/src/analysis/incremental';
import { parseAnn } from '../test/support/ann';
import { loadFixtures, scraperDump, smallDump } from '../bench/generate';

const root = path.join(__dirname, '..', '..');
const corpus = process.argv[2] ?? '/work/shared/corpus';

function walk(d: string, out: string[]): void {
  for (const f of fs.readdirSync(d).sort()) {
    const p = path.join(d, f);
    if (fs.statSync(p).isDirectory()) walk(p, out);
    else if (f.endsWith('.ann')) out.push(p);
  }
}
const files: string[] = [];
if (fs.existsSync(corpus)) walk(corpus, files);
const total = crypto.createHash('sha256');
const perGroup = new Map<string, crypto.Hash>();
const OPTS = [{}, { extraPhrases: ['read more', 'watch'], ignorePhrases: ['reuters'] }];
for (const f of files) {
  const doc = parseAnn(f);
  const g = path.dirname(f);
  if (!perGroup.has(g)) perGroup.set(g, crypto.createHash('sha256'));
  for (const o of OPTS) {
    clearSegmentCache();
    const s = JSON.stringify(analyze(doc.data, o)) + '\u0000' + clean(doc.data, o);
    total.update(s);
    perGroup.get(g)!.update(s);
  }
}
const fx = loadFixtures(path.join(root, 'bench', 'fixtures'));
for (const f of fx) total.update(JSON.stringify(analyze(f.lines.join('\n'))));
const gen = crypto.createHash('sha256');
for (let k = 0; k < 200; k++) gen.update(JSON.stringify(analyze(smallDump(fx, k))));
clearSegmentCache();
const big = scraperDump(fx, 2 * 1024 * 1024, 7);
gen.update(JSON.stringify(analyze(big)));
gen.update(JSON.stringify(analyze(fx.map((f) => f.lines.join('\n')).join('\n\n'))));
let st = analyzeFull(big);
let at = big.indexOf('\n', big.length >> 1) - 3;
for (let k = 0; k < 10; k++) {
  const next = st.text.slice(0, at) + 'abcdefghij'[k % 10] + st.text.slice(at);
  at++;
  st = analyzeIncremental(st, next, { start: at - 1, end: at - 1, insertedLength: 1 });
}
gen.update(JSON.stringify(st.model));
// Options changing between calls, caches kept.
const alt = crypto.createHash('sha256');
const pages = files.filter((f) => f.includes(`${path.sep}pages${path.sep}`)).slice(0, 20);
for (const f of pages) {
  const doc = parseAnn(f);
  for (const o of [OPTS[1], {}, OPTS[1], { extraPhrases: ['read more', 'watch'], ignorePhrases: ['reuters'] }, { ignorePhrases: ['reuters'] }]) {
    alt.update(JSON.stringify(analyze(doc.data, o)));
  }
}
for (const [g, h] of perGroup) console.log(g, h.digest('hex').slice(0, 16));
console.log('generated', gen.digest('hex').slice(0, 16));
console.log('corpus files', files.length, 'total', total.digest('hex').slice(0, 16));
console.log('alternating options', alt.digest('hex').slice(0, 16));
