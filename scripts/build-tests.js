#!/usr/bin/env node
// Bundles every test/**/*.test.ts (except the real-editor suites, which run inside the
// editors) into out/test/, one file each, so `node --test out/test` runs them with no
// TypeScript loader. Tests import the engine from source; esbuild resolves it.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'out', 'test');

function find(dir, acc = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'e2e' || e.name === 'fixtures') continue;
      find(p, acc);
    } else if (e.name.endsWith('.test.ts')) acc.push(p);
  }
  return acc;
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const entries = find(path.join(root, 'test'));
  await esbuild.build({
    entryPoints: entries,
    outdir: outDir,
    outbase: path.join(root, 'test'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
  });
  console.log(`bundled ${entries.length} test files to out/test`);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
