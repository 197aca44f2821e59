#!/usr/bin/env node
// `npm run bench -- [--json] [--sizes 1,10,50] [--edits 50] [--small 5000] [--no-lsp] [--no-cli] [--out FILE]`:
// builds dist/ (the server and CLI under test), then runs bench/bench.ts bundled, in process.
const path = require('path');
const { execFileSync } = require('child_process');
execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.js')], { stdio: 'inherit' });
process.argv.splice(2, 0, 'bench/bench.ts');
require('../scripts/run-ts');
