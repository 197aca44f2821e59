#!/usr/bin/env node
// One-off: copies the raw text of a few corpus pages into bench/fixtures (annotation marks
// stripped), so `npm run bench` needs nothing outside the repository. Re-run only to change
// the selection: node bench/import-fixtures.js /work/shared/corpus
const fs = require('fs');
const path = require('path');

const corpus = process.argv[2] || '/work/shared/corpus';
const out = path.join(__dirname, 'fixtures');
const TAG = /^([⟦⟧]*)(>>> |%%(?:source|time|author|meta) )/;

function strip(ann) {
  return ann
    .split('\n')
    .map((line) => {
      const m = TAG.exec(line);
      if (m) line = m[1] + line.slice(m[0].length);
      return line.replace(/[⟦⟧]/g, '');
    })
    .join('\n');
}

const picks = [];
for (const f of ['seed-daily8.ann', 'aggregator-cricket.ann', 'single-page-india.ann']) picks.push(path.join(corpus, 'dev', f));
const pages = fs.readdirSync(path.join(corpus, 'dev', 'pages')).filter((f) => f.endsWith('.ann')).sort();
for (const prefix of ['aeb_', 'wcxb_']) {
  for (const f of pages.filter((p) => p.startsWith(prefix)).slice(0, 15)) picks.push(path.join(corpus, 'dev', 'pages', f));
}
fs.mkdirSync(out, { recursive: true });
let bytes = 0;
for (const p of picks) {
  const text = strip(fs.readFileSync(p, 'utf8'));
  const name = path.basename(p).replace(/\.ann$/, '.txt');
  fs.writeFileSync(path.join(out, name), text);
  bytes += Buffer.byteLength(text);
}
console.log(`${picks.length} fixtures, ${(bytes / 1024).toFixed(0)} KB in ${out}`);
