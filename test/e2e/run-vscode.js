#!/usr/bin/env node
'use strict';
// Runs test/e2e/vscode (mocha) inside a real VS Code extension host with the newsdump
// extension loaded in development mode.
//
// Default route: code-server 4.100.3 (installed by scripts/install-e2e.sh) + Debian chromium
// driven by playwright-core. The browser only hosts the workbench shell; the tests run in
// code-server's Node extension host. The workbench forwards the host's log to
// window.codeAutomationLog and its exit code to window.codeAutomationExit when
// extensionTestsPath is set; we expose both to the page.
//
// Other route: NEWSDUMP_E2E_HOST=electron hands over to run-test-electron.js, which runs the
// very same suite in desktop VS Code via @vscode/test-electron (a machine that has VS Code
// or can download it). NEWSDUMP_E2E_HOST=auto takes that route when a `code` command or
// VSCODE_EXECUTABLE exists, else code-server. Default: code-server.
//
// Exit code 0 only when every test passed; the last line is "vscode: N passed, N failed".

const fs = require('fs');
const path = require('path');
const util = require('util');
const { spawnSync } = require('child_process');
const c = require('./lib/common');
const { startCodeServer, workbenchUrl } = require('./lib/code-server');
const { launchBrowser } = require('./lib/browser');

// Workbench start-up chatter that reaches codeAutomationLog along with the host's output.
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Ignoring fetching|getaddrinfo|\s+at )/;

const TESTS_INDEX = path.join(__dirname, 'vscode', 'index.js');
// The extension folder loaded in development mode: the repo itself, or another folder (an
// unpacked VSIX, a worktree of another commit) given by NEWSDUMP_E2E_EXT: package.json + dist/.
const EXT_PATH = path.resolve(process.env.NEWSDUMP_E2E_EXT || c.ROOT);
// NEWSDUMP_E2E_VSIX=file.vsix: test the packaged extension instead, installed into the
// server's extensions folder the way a user installs it. extensionTestsPath only runs next to
// an extension under development, so a tiny empty "probe" extension is that one.
const VSIX = process.env.NEWSDUMP_E2E_VSIX ? path.resolve(process.env.NEWSDUMP_E2E_VSIX) : null;
const TIMEOUT_MS = Number(process.env.NEWSDUMP_E2E_TIMEOUT_MS || 200000);

function hasDesktopCode() {
  if (process.env.VSCODE_EXECUTABLE) return true;
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

function pickHost() {
  const h = (process.env.NEWSDUMP_E2E_HOST || 'code-server').toLowerCase();
  if (h === 'auto') return hasDesktopCode() ? 'electron' : 'code-server';
  if (!['code-server', 'electron'].includes(h)) throw new Error(`NEWSDUMP_E2E_HOST=${h}: use code-server, electron or auto`);
  return h;
}

/** code-server's own CLI installs the VSIX into the run's extensions folder. */
function installVsix(runDir, vsix) {
  if (!fs.existsSync(vsix)) throw new Error(`NEWSDUMP_E2E_VSIX: ${vsix} not found`);
  const home = path.join(runDir, 'home');
  fs.mkdirSync(home, { recursive: true });
  const r = spawnSync(process.execPath, [
    c.CODE_SERVER_ENTRY,
    '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', path.join(runDir, 'extensions'),
    '--install-extension', vsix,
  ], {
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'), EXTENSIONS_GALLERY: '{}' },
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  c.log(`installed ${path.basename(vsix)}: ${(r.stdout || '').trim().split('\n').pop()}`);
}

/** An empty extension to stand as extensionDevelopmentPath while the real one is installed. */
function makeProbeExtension(runDir) {
  const dir = path.join(runDir, 'probe-extension');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'newsdump-e2e-probe',
    publisher: 'newsdump-tests',
    version: '0.0.0',
    engines: { vscode: '^1.100.0' },
  }, null, 2));
  return dir;
}

async function runInCodeServer() {
  c.requireBuilt('dist/extension.js', 'dist/server.js');
  if (!c.toolsInstalled()) throw new Error('e2e tools missing: run scripts/install-e2e.sh');
  const runDir = c.makeRunDir('vscode');
  const ws = c.makeWorkspace(runDir);
  const hostLog = path.join(runDir, 'extension-host.log');
  let server;
  let browser;
  let result = null;
  let exitCode = 'timeout';
  try {
    let extPath = EXT_PATH;
    if (VSIX) {
      installVsix(runDir, VSIX);
      extPath = makeProbeExtension(runDir);
    }
    server = await startCodeServer(runDir);
    browser = await launchBrowser(runDir);
    const page = await browser.newPage();
    let done;
    const exited = new Promise((r) => { done = r; });
    // Log lines from the extension host (mocha's spec reporter and our result line).
    // The workbench's own console is forwarded the same way; its chatter goes to the log file only.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      fs.appendFileSync(hostLog, `[${type}] ${text}\n`);
      const m = /NEWSDUMP_E2E_RESULT (\{.*\})/.exec(text);
      if (m) result = JSON.parse(m[1]);
      else if (!WORKBENCH_NOISE.test(text)) process.stdout.write(`${text.replace(/\s+$/, '')}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    // Page console: kept in a file; only errors about our extension are echoed.
    page.on('console', (m) => {
      const t = m.text().replace(/%c/g, '');
      fs.appendFileSync(path.join(runDir, 'page-console.log'), `[${m.type()}] ${t}\n`);
      if (m.type() === 'error' && /newsdump/i.test(t)) c.log('page error:', t.slice(0, 300));
    });
    page.on('pageerror', (e) => fs.appendFileSync(path.join(runDir, 'page-console.log'), `[pageerror] ${e}\n`));
    const url = workbenchUrl(server, { folder: ws, extPath, testsPath: TESTS_INDEX });
    c.log('opening workbench with the extension in development mode');
    await page.goto(url, { timeout: 60000 });
    exitCode = await Promise.race([exited, c.deadline(TIMEOUT_MS, 'timeout')]);
    c.log(`extension host finished: exit code ${exitCode}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
  const ok = exitCode === 0 && result && result.failed === 0;
  if (ok && !process.env.E2E_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else c.log(`run folder kept for inspection: ${runDir}`);
  if (!result) {
    // No counts came back (host crashed, timeout, extension failed to load): count the run as one failure.
    c.log('no test result from the extension host (see extension-host.log / code-server.log / page-console.log)');
    return { passed: 0, failed: 1 };
  }
  if (exitCode !== 0 && result.failed === 0) return { passed: result.passed, failed: 1 };
  return result;
}

async function main() {
  const host = pickHost();
  if (host === 'electron') {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'run-test-electron.js')], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
    return;
  }
  const { passed, failed } = await runInCodeServer();
  c.finish(passed, failed, 'vscode');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  c.killAllGroupsSync();
  console.log('vscode: 0 passed, 1 failed');
  process.exitCode = 1;
});
