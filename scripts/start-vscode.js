#!/usr/bin/env node
'use strict';
// `npm start`: try the extension by hand on samples/.
//
// - Desktop VS Code present (a `code` command): opens samples/ in a new window with this
//   folder as the extension under development (--extensionDevelopmentPath), like F5 would.
// - Otherwise: starts code-server (installed by scripts/install-e2e.sh into .e2e/) on
//   127.0.0.1 and prints the URL that opens samples/ with the extension loaded in
//   development mode. Forward the port to your machine and open the URL in a browser;
//   Ctrl+C stops the server (and everything it started).
//
// Options: --port N (default: first free from 18080), --code-server (skip desktop VS Code).
// The user data (settings, open editors) persists in .e2e/start/ between runs.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const SEED = path.join(SAMPLES, 'seed-daily8.txt');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function ensureBuilt() {
  if (fs.existsSync(path.join(ROOT, 'dist', 'extension.js')) && fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) return;
  console.log('dist/ missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

async function portFrom(start) {
  const net = require('net');
  for (let p = start; p < start + 100; p++) {
    const free = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error(`no free port in ${start}..${start + 99}`);
}

async function main() {
  ensureBuilt();
  if (has('code') && !process.argv.includes('--code-server')) {
    console.log(`Opening ${path.relative(ROOT, SAMPLES)}/ in VS Code with the extension under development`);
    const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, SAMPLES, SEED], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }

  // code-server route: reuse the e2e harness (process group, HOME sandbox, quiet settings)
  const c = require('../test/e2e/lib/common');
  const { startCodeServer, workbenchUrl } = require('../test/e2e/lib/code-server');
  if (!fs.existsSync(c.CODE_SERVER_ENTRY)) {
    console.log('code-server not installed yet: running scripts/install-e2e.sh');
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-e2e.sh')], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  const runDir = path.join(c.E2E_DIR, 'start');
  fs.mkdirSync(runDir, { recursive: true });
  const port = Number(arg('--port')) || (await portFrom(18080));
  const server = await startCodeServer(runDir, { port });
  const url = workbenchUrl(server, { folder: SAMPLES, extPath: ROOT, openFile: SEED });
  console.log('\ncode-server (VS Code 1.100.3) is running with the newsdump extension under development.');
  console.log(`Open this URL in a browser (forward port ${port} first if this is a remote machine):\n\n  ${url}\n`);
  console.log(`Plain workbench without the dev extension: ${server.base}/`);
  console.log(`Server log: ${server.logFile}\nCtrl+C to stop.`);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // stay alive while the server runs; if it dies, say so and exit
  for (;;) {
    await c.sleep(2000);
    const healthy = await c.httpOk(`${server.base}/healthz`);
    if (!healthy && !stopping) {
      console.error(`code-server stopped responding; see ${server.logFile}`);
      await server.stop();
      process.exit(1);
    }
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
