'use strict';
// Shared plumbing for the real-editor test launchers: paths, process groups, ports, waits,
// temp workspaces and the closing "N passed, N failed" line.
//
// Every child process that could outlive us (code-server spawns a file watcher and the
// extension host; chromium spawns its zygotes) is started as its own process-group leader
// (detached: true) and stopped with a signal to the whole group, never by name.

const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const http = require('http');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const E2E_DIR = process.env.NEWSDUMP_E2E_DIR || path.join(ROOT, '.e2e');
const CODE_SERVER_DIR = path.join(E2E_DIR, 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const TOOLS_DIR = path.join(E2E_DIR, 'tools');
const SEED = path.join(ROOT, 'samples', 'seed-daily8.txt');
const CHROMIUM = process.env.NEWSDUMP_CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
function log(...args) {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...args);
}

/** require() a tool installed by scripts/install-e2e.sh into .e2e/tools, else from the project. */
function requireTool(name) {
  try {
    return require(require.resolve(name, { paths: [TOOLS_DIR] }));
  } catch {
    return require(name);
  }
}

function toolsInstalled() {
  try {
    require.resolve('playwright-core', { paths: [TOOLS_DIR] });
    require.resolve('mocha', { paths: [TOOLS_DIR] });
    return fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM);
  } catch {
    return false;
  }
}

/** A free loopback TCP port (asked from the kernel, then released for the server to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolve with `value` after ms without keeping the process alive (for Promise.race deadlines). */
const deadline = (ms, value) => new Promise((r) => setTimeout(() => r(value), ms).unref());

/** Poll fn until it returns something truthy; throw after ms. No fixed sleeps in the tests. */
async function waitFor(fn, what, ms = 30000, every = 100) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode >= 200 && res.statusCode < 400);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

// Process groups we started; all are killed on exit, whatever the reason.
const groups = new Set();

/** Spawn a command as a new process group; it is killed with the whole group on exit. */
function spawnGroup(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { ...opts, detached: true });
  groups.add(child.pid);
  child.on('exit', () => groups.delete(child.pid));
  return child;
}

/** SIGTERM the group, then SIGKILL whatever is left after a grace period. */
async function killGroup(pid, graceMs = 3000) {
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    groups.delete(pid);
    return;
  }
  const end = Date.now() + graceMs;
  while (alive() && Date.now() < end) await sleep(50);
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  groups.delete(pid);
}

function killAllGroupsSync() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  groups.clear();
}
process.on('exit', killAllGroupsSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllGroupsSync();
    process.exit(130);
  });
}

/** A fresh scratch folder for one run (kept on failure for inspection, unless E2E_KEEP=0). */
function makeRunDir(prefix) {
  const base = process.env.NEWSDUMP_E2E_TMP || os.tmpdir();
  return fs.mkdtempSync(path.join(base, `newsdump-${prefix}-`));
}

/** Copy the seed dump into a throwaway workspace so edits never touch samples/. */
function makeWorkspace(runDir, files = [SEED]) {
  const ws = path.join(runDir, 'ws');
  fs.mkdirSync(ws, { recursive: true });
  for (const f of files) {
    const dst = path.join(ws, path.basename(f));
    fs.copyFileSync(f, dst);
    fs.chmodSync(dst, 0o644); // the sample may be read-only in the repo; the copy must be editable
  }
  return ws;
}

/** Fail early, with a clear message, when the project has not been built. */
function requireBuilt(...rel) {
  const missing = rel.filter((r) => !fs.existsSync(path.join(ROOT, r)));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: run \`npm run build\` first`);
  }
}

/**
 * Expected result of a whole-document clean: the project's own CLI on the original seed
 * (the CLI beside NEWSDUMP_E2E_SERVER when another server build is under test).
 */
function cliClean(file) {
  const cli = process.env.NEWSDUMP_E2E_SERVER
    ? path.join(path.dirname(process.env.NEWSDUMP_E2E_SERVER), 'cli.js')
    : path.join(ROOT, 'dist', 'cli.js');
  return execFileSync(process.execPath, [cli, 'clean', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // stderr goes into the thrown error, not the console
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30000,
  });
}

/** First line where two texts differ, for readable assertion messages. */
function firstDiff(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      const show = (x) => JSON.stringify((x ?? '<EOF>').slice(0, 160));
      return `line ${i + 1}:\n  got:      ${show(la[i])}\n  expected: ${show(lb[i])}`;
    }
  }
  return 'no differing line (line endings?)';
}

/** Print the closing line the CI reads, and exit accordingly. */
function finish(passed, failed, label = 'e2e', skipped = 0) {
  console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

module.exports = {
  ROOT,
  E2E_DIR,
  CODE_SERVER_DIR,
  CODE_SERVER_ENTRY,
  TOOLS_DIR,
  SEED,
  CHROMIUM,
  log,
  requireTool,
  toolsInstalled,
  freePort,
  sleep,
  deadline,
  waitFor,
  httpOk,
  spawnGroup,
  killGroup,
  killAllGroupsSync,
  makeRunDir,
  makeWorkspace,
  requireBuilt,
  cliClean,
  firstDiff,
  finish,
};
