#!/usr/bin/env node
'use strict';
// The packaged extension, installed the way a user installs it: builds the VSIX
// (scripts/package-vsix.js), then runs the same VS Code suite (run-vscode.js) against the
// copy that code-server's `--install-extension` put in its extensions folder. Catches what
// the development build hides: a file missing from the VSIX, a bundle that needs
// node_modules, an activation event that never fires.
// Last line: "vsix: N passed, N failed".

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const c = require('./lib/common');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdump-vsix-'));
const vsix = path.join(dir, 'newsdump.vsix');
try {
  const pack = spawnSync(process.execPath, [path.join(c.ROOT, 'scripts', 'package-vsix.js'), '--out', vsix], { stdio: 'inherit', timeout: 180000 });
  if (pack.status !== 0 || !fs.existsSync(vsix)) {
    console.log('packaging the VSIX failed');
    console.log('vsix: 0 passed, 1 failed');
    process.exitCode = 1;
  } else {
    console.log(`packaged ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
    const run = spawnSync(process.execPath, [path.join(__dirname, 'run-vscode.js')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NEWSDUMP_E2E_VSIX: vsix },
      encoding: 'utf8',
      timeout: 300000,
    });
    const out = run.stdout || '';
    process.stdout.write(out.replace(/^vscode: (\d+) passed, (\d+) failed/m, 'vscode (installed VSIX): $1 passed, $2 failed'));
    const m = [...out.matchAll(/^vscode: (\d+) passed, (\d+) failed/gm)].pop();
    const passed = m ? Number(m[1]) : 0;
    let failed = m ? Number(m[2]) : 1;
    if (run.status !== 0 && failed === 0) failed = 1;
    console.log(`vsix: ${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
