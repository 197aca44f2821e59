#!/usr/bin/env node
// `npm run eval -- DIR...`: scripts/eval.ts (engine included), bundled and run in process.
process.argv.splice(2, 0, 'scripts/eval.ts');
require('./run-ts');
