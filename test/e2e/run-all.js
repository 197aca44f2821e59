#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: installs the e2e tools when missing (scripts/install-e2e.sh, idempotent),
// then runs every real-editor suite one after the other and sums their counts:
//   vscode  test/e2e/run-vscode.js   (code-server's extension host, or test-electron)
//   vsix    test/e2e/run-vsix.js     (the same suite on the packaged, installed VSIX)
//   nvim    test/e2e/run-nvim.js     (neovim as LSP client)
//   gui     scripts/screenshots.js   (the workbench UI itself, pictures to a temp folder)
//   emacs   test/e2e/run-emacs.js    (emacs + eglot; optional, skipped when not installed)
// Expects a built project (dist/); the npm script builds first.
// Exit code 0 only when all passed; last line "e2e: N passed, N failed".
//
// Options: --only=vscode,vsix,nvim,gui,emacs   --skip-install

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const c = require('./lib/common');

const emacsReady = () => commandExists('emacs')
  && fs.existsSync('/usr/share/emacs/site-lisp/elpa') && fs.readdirSync('/usr/share/emacs/site-lisp/elpa').some((d) => d.startsWith('eglot-'));

const RUNNERS = [
  { name: 'vscode', script: 'run-vscode.js', timeoutMs: 260000 },
  // the packaged VSIX installed with code-server's --install-extension, same suite
  { name: 'vsix', script: 'run-vsix.js', timeoutMs: 420000 },
  { name: 'nvim', script: 'run-nvim.js', timeoutMs: 90000 },
  // the workbench driven like a person (Problems, Ctrl+. quick fix, Outline); pictures go to a
  // temp folder here, `npm run screenshots` is what refreshes docs/
  { name: 'gui', script: '../../scripts/screenshots.js', args: () => ['--check'], timeoutMs: 150000 },
  // optional: only where emacs + eglot are installed (scripts/install-e2e.sh --emacs)
  { name: 'emacs', script: 'run-emacs.js', timeoutMs: 90000, optional: true, available: emacsReady },
];

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function install() {
  const needed = !c.toolsInstalled() || !commandExists('nvim');
  if (!needed) return;
  c.log('e2e tools missing: running scripts/install-e2e.sh');
  const r = spawnSync('bash', [path.join(c.ROOT, 'scripts', 'install-e2e.sh')], { stdio: 'inherit', timeout: 15 * 60000 });
  if (r.status !== 0) throw new Error(`scripts/install-e2e.sh failed (${r.status ?? r.signal})`);
}

/** Run one runner, echo its output, and read its closing "name: N passed, N failed" line. */
function runOne({ name, script, args, timeoutMs }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const argv = [path.join(__dirname, script), ...(args ? args() : [])];
    const child = c.spawnGroup(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (stream) => (d) => {
      stream.write(d);
      tail = (tail + d).slice(-4000);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const timer = setTimeout(() => {
      console.log(`${name}: no result within ${timeoutMs / 1000} s, stopping it`);
      c.killGroup(child.pid);
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const m = [...tail.matchAll(/^\w+: (\d+) passed, (\d+) failed/gm)].pop();
      const passed = m ? Number(m[1]) : 0;
      let failed = m ? Number(m[2]) : 1;
      if (code !== 0 && failed === 0) failed = 1; // a non-zero exit is a failure, whatever it printed
      resolve({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function main() {
  const only = (process.argv.find((a) => a.startsWith('--only=')) || '').slice(7).split(',').filter(Boolean);
  if (!process.argv.includes('--skip-install')) install();
  const results = [];
  for (const r of RUNNERS) {
    if (only.length && !only.includes(r.name)) continue;
    console.log(`\n=== ${r.name} ===`);
    if (r.available && !r.available()) {
      console.log(`${r.name}: not installed, skipped (scripts/install-e2e.sh --emacs installs it)`);
      results.push({ name: r.name, passed: 0, failed: 0, skipped: 1, seconds: 0 });
      continue;
    }
    results.push(await runOne(r));
  }
  console.log('\n=== summary ===');
  for (const r of results) {
    console.log(`${r.name.padEnd(8)} ${r.skipped ? 'skipped' : `${r.passed} passed, ${r.failed} failed  (${r.seconds.toFixed(1)} s)`}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + (r.skipped || 0), 0);
  c.finish(passed, failed, 'e2e', skipped);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  console.log('e2e: 0 passed, 1 failed');
  process.exitCode = 1;
});
