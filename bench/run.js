#!/usr/bin/env node
// `npm run bench -- [--json] [--sizes 1,10,50] [--edits 50] [--small 5000] [--no-lsp] [--no-cli] [--out FILE]`:
// builds dist/ (the server and CLI under test), bundles bench/bench.ts with esbuild into
// out/bench/bench.js and runs it in this process.
const path = require('path');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');
const root = path.join(__dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
const outfile = path.join(root, 'out', 'bench', 'bench.js');
esbuild.buildSync({
  entryPoints: [path.join(root, 'bench', 'bench.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
  absWorkingDir: root,
});
require(outfile);
