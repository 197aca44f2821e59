'use strict';
// Starts a private code-server (VS Code 1.100.3's server + web workbench + Node extension
// host) on a free loopback port, and builds workbench URLs that load our extension in
// development mode.
//
// Why code-server: @vscode/test-electron must download a VS Code build, which this network
// does not allow; code-server installs from the npm registry and runs the same extension
// host. It has no --extensionTestsPath flag, but the workbench URL accepts a `payload` with
// extensionDevelopmentPath / extensionTestsPath / openFile, exactly what the desktop
// test runner passes on its command line.

const fs = require('fs');
const path = require('path');
const { CODE_SERVER_ENTRY, log, freePort, waitFor, httpOk, spawnGroup, killGroup } = require('./common');

// User settings for a quiet, deterministic workbench.
const DEFAULT_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.showFoldingControls': 'always',
  // VS Code for the web defaults to auto-save after a delay; tests edit documents and must
  // decide themselves what reaches the disk (the desktop default is off)
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.showReleaseNotes': false,
};

/**
 * @param {string} runDir scratch folder for this run (config, user data, HOME)
 * @param {{settings?: object, port?: number}} [opts]
 * @returns {Promise<{port:number, base:string, authority:string, pid:number, logFile:string, stop:() => Promise<void>}>}
 */
async function startCodeServer(runDir, opts = {}) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server not installed (${CODE_SERVER_ENTRY}): run scripts/install-e2e.sh`);
  }
  const port = opts.port || (await freePort());
  const ud = path.join(runDir, 'user-data');
  const home = path.join(runDir, 'home');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(path.join(runDir, 'extensions'), { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(
    path.join(ud, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings || {}) }, null, 2),
  );
  const config = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(runDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  // HOME and XDG_* point into the run folder: code-server and the extension host write
  // ~/.config, ~/.local/share and ~/.cache (machine id), none of which should be the real home.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
  };
  // An empty gallery turns the marketplace off: otherwise the workbench looks up open-vsx.org
  // for recommendations, which this network refuses (and tests must not depend on).
  env.EXTENSIONS_GALLERY = '{}';
  // Never let a parent test-runner's ELECTRON_RUN_AS_NODE / VSCODE_* leak into the server.
  for (const k of Object.keys(env)) if (/^VSCODE_|^ELECTRON_/.test(k)) delete env[k];
  const child = spawnGroup(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--config', config,
      '--user-data-dir', ud,
      '--extensions-dir', path.join(runDir, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, sig) => {
    exited = `code-server exited (${code ?? sig}) — see ${logFile}`;
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (exited) throw new Error(exited);
    return httpOk(`${base}/healthz`);
  }, 'code-server /healthz', 60000, 200);
  log(`code-server pid ${child.pid} listening on ${base}`);
  return {
    port,
    base,
    authority: `127.0.0.1:${port}`,
    pid: child.pid,
    logFile,
    stop: () => killGroup(child.pid),
  };
}

/**
 * Workbench URL for folder `ws` with the development extension at `extPath` loaded.
 * @param {{base:string, authority:string}} server
 * @param {{folder:string, extPath?:string, testsPath?:string, openFile?:string}} o
 */
function workbenchUrl(server, o) {
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [];
  if (o.extPath) payload.push(['extensionDevelopmentPath', remote(o.extPath)]);
  if (o.testsPath) payload.push(['extensionTestsPath', remote(o.testsPath)]);
  if (o.openFile) payload.push(['openFile', remote(o.openFile)]);
  let url = `${server.base}/?folder=${encodeURIComponent(o.folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

module.exports = { startCodeServer, workbenchUrl, DEFAULT_SETTINGS };
