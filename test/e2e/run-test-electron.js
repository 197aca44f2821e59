#!/usr/bin/env node
'use strict';
// The same in-host suite (test/e2e/vscode) under desktop VS Code with @vscode/test-electron,
// for machines that have VS Code or may download it (this project's CI machines may not:
// there test/e2e/run-vscode.js uses code-server instead, which is the default route).
//
// Which VS Code: VSCODE_EXECUTABLE (the Electron binary), else the one behind a `code`
// command on PATH, else @vscode/test-electron downloads NEWSDUMP_VSCODE_VERSION (default
// 1.100.3, the version code-server 4.100.3 ships, so both routes test the same VS Code).
// Without a display, run it under xvfb-run (used automatically when present).
//
// Exit code 0 only when every test passed; last line "vscode: N passed, N failed".

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const c = require('./lib/common');

function desktopExecutable() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  // `code` is a launcher script (…/bin/code); the Electron binary sits one folder up
  const script = fs.realpathSync(which.stdout.trim());
  const candidates = [
    path.resolve(path.dirname(script), '..', 'code'), // Linux .deb/.rpm/tarball
    path.resolve(path.dirname(script), '..', '..', '..', 'MacOS', 'Electron'), // macOS app bundle
    path.resolve(path.dirname(script), '..', 'Code.exe'), // Windows
  ];
  return candidates.find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
}

async function main() {
  // Re-exec under a virtual display when there is none (Linux CI without a desktop).
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.NEWSDUMP_UNDER_XVFB) {
    const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
    if (xvfb.status === 0) {
      const r = spawnSync(xvfb.stdout.trim(), ['-a', process.execPath, __filename], {
        stdio: 'inherit',
        env: { ...process.env, NEWSDUMP_UNDER_XVFB: '1' },
      });
      process.exitCode = r.status ?? 1;
      return;
    }
  }
  c.requireBuilt('dist/extension.js', 'dist/server.js');
  const { runTests } = c.requireTool('@vscode/test-electron');
  const runDir = c.makeRunDir('electron');
  const ws = c.makeWorkspace(runDir);
  const resultFile = path.join(runDir, 'result.json');
  const vscodeExecutablePath = desktopExecutable();
  c.log(vscodeExecutablePath ? `VS Code: ${vscodeExecutablePath}` : `VS Code: download ${process.env.NEWSDUMP_VSCODE_VERSION || '1.100.3'}`);
  let exit = 1;
  try {
    exit = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.NEWSDUMP_VSCODE_VERSION || '1.100.3' }),
      extensionDevelopmentPath: c.ROOT,
      extensionTestsPath: path.join(__dirname, 'vscode', 'index.js'),
      extensionTestsEnv: { NEWSDUMP_E2E_RESULT_FILE: resultFile },
      launchArgs: [
        ws,
        '--disable-extensions', // only the extension under test
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(runDir, 'user-data'),
        '--extensions-dir', path.join(runDir, 'extensions'),
      ],
      timeout: 180000,
    });
  } catch (e) {
    console.error(e && e.message ? e.message : e);
  }
  const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : null;
  if (!result) {
    c.log(`no test result from the extension host (run folder ${runDir})`);
    c.finish(0, 1, 'vscode');
    return;
  }
  if (exit === 0 && result.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  c.finish(result.passed, exit !== 0 && result.failed === 0 ? 1 : result.failed, 'vscode');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  console.log('vscode: 0 passed, 1 failed');
  process.exitCode = 1;
});
