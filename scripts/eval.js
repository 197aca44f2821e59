#!/usr/bin/env node
// `npm run eval -- DIR...`: bundles scripts/eval.ts (engine included) with esbuild into
// out/eval.js and runs it in this process with the same arguments.
const path = require('path');
const esbuild = require('esbuild');
const root = path.join(__dirname, '..');
const outfile = path.join(root, 'out', 'eval.js');
esbuild.buildSync({
  entryPoints: [path.join(root, 'scripts', 'eval.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
  absWorkingDir: root,
});
require(outfile);
