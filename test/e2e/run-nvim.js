#!/usr/bin/env node
'use strict';
// Neovim (Debian's 0.7.x, headless, --clean) as a real LSP client of dist/server.js.
// test/e2e/nvim/lsp-test.lua drives nvim and writes what it saw to JSON; this wrapper
// asserts on it. Exit code 0 only when every check passed; last line "nvim: N passed, N failed".

const fs = require('fs');
const path = require('path');
const c = require('./lib/common');
const { checkClientRecord } = require('./lib/client-checks');
const { SEED_NAME } = require('./seed-expectations');

const LUA = path.join(__dirname, 'nvim', 'lsp-test.lua');
const TIMEOUT_MS = 60000;

function runNvim(runDir, file, out) {
  return new Promise((resolve, reject) => {
    const state = path.join(runDir, 'nvim-state');
    fs.mkdirSync(state, { recursive: true });
    const child = c.spawnGroup('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${LUA}`, file], {
      cwd: path.dirname(file),
      // nvim writes its log, shada and swap under XDG dirs: keep them in the run folder
      env: {
        ...process.env,
        NEWSDUMP_SERVER: path.join(c.ROOT, 'dist', 'server.js'),
        NEWSDUMP_NVIM_OUT: out,
        XDG_CACHE_HOME: path.join(state, 'cache'),
        XDG_STATE_HOME: path.join(state, 'state'),
        XDG_DATA_HOME: path.join(state, 'data'),
        XDG_CONFIG_HOME: path.join(state, 'config'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => {
      c.killGroup(child.pid);
      reject(new Error(`nvim did not finish within ${TIMEOUT_MS} ms\n${output.slice(-2000)}`));
    }, TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // the server (nvim's child) shares nvim's process group: make sure nothing lingers
      c.killGroup(child.pid, 500).then(() => resolve({ code, output }));
    });
  });
}

async function main() {
  c.requireBuilt('dist/server.js');
  const runDir = c.makeRunDir('nvim');
  const ws = c.makeWorkspace(runDir);
  const file = path.join(ws, SEED_NAME);
  const out = path.join(runDir, 'nvim-result.json');
  const started = Date.now();
  const { code, output } = await runNvim(runDir, file, out);
  c.log(`nvim exited with ${code} after ${Date.now() - started} ms`);
  if (!fs.existsSync(out)) throw new Error(`nvim wrote no result\n${output.slice(-3000)}`);
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  for (const s of r.steps) c.log(`  nvim step ${s.name} at ${s.ms} ms`);
  console.log('nvim as LSP client of dist/server.js');
  const { passed, failed } = checkClientRecord(r);

  if (failed === 0 && !process.env.E2E_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else c.log(`run folder kept for inspection: ${runDir}`);
  c.finish(passed, failed, 'nvim');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  c.killAllGroupsSync();
  console.log('nvim: 0 passed, 1 failed');
  process.exitCode = 1;
});
