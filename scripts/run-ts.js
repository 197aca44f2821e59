#!/usr/bin/env node
// Runs a TypeScript entry point of the repo's tools (eval, bench) with no TS loader:
// bundles it with esbuild into out/ and requires the bundle in this process, so the tool
// gets this process's arguments. Usage: node scripts/run-ts.js path/to/entry.ts [args...]
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const entry = path.resolve(root, process.argv[2]);
const outfile = path.join(root, 'out', path.relative(root, entry).replace(/\.ts$/, '.js'));
esbuild.buildSync({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
  absWorkingDir: root,
});
// The tool reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);
require(outfile);
