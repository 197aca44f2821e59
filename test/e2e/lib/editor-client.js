'use strict';
// Runs one terminal editor (neovim, emacs) as an LSP client of dist/server.js on a throwaway
// copy of the seed, reads the JSON record its script wrote, and judges it with the shared
// checks. The editor is its own process group (the server it starts is in it too), killed
// after the run or at the deadline, so no server outlives a run.

const fs = require('fs');
const path = require('path');
const c = require('./common');
const { checkClientRecord } = require('./client-checks');
const { SEED_NAME } = require('../seed-expectations');

/**
 * @param {object} o
 * @param {string} o.name      label of the closing line ("nvim", "emacs")
 * @param {string} o.title     printed above the checks
 * @param {string} o.cmd       executable
 * @param {(file:string) => string[]} o.args  command-line for the seed copy `file`
 * @param {string} o.outVar    environment variable that tells the script where to write JSON
 * @param {number} [o.timeoutMs]
 */
async function runEditorClient(o) {
  c.requireBuilt('dist/server.js');
  const runDir = c.makeRunDir(o.name);
  const ws = c.makeWorkspace(runDir);
  const file = path.join(ws, SEED_NAME);
  const out = path.join(runDir, `${o.name}-result.json`);
  const home = path.join(runDir, 'home');
  fs.mkdirSync(home, { recursive: true });
  const timeoutMs = o.timeoutMs || 60000;
  const started = Date.now();
  const { code, output } = await new Promise((resolve, reject) => {
    const child = c.spawnGroup(o.cmd, o.args(file), {
      cwd: ws,
      // editors write logs, shada, swap, ~/.emacs.d under HOME/XDG: keep them in the run folder
      env: {
        ...process.env,
        HOME: home,
        XDG_CACHE_HOME: path.join(home, '.cache'),
        XDG_STATE_HOME: path.join(home, '.local', 'state'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_CONFIG_HOME: path.join(home, '.config'),
        // NEWSDUMP_E2E_SERVER: judge another build of the server (e.g. of another commit)
        NEWSDUMP_SERVER: process.env.NEWSDUMP_E2E_SERVER || path.join(c.ROOT, 'dist', 'server.js'),
        [o.outVar]: out,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d) => { text += d; });
    child.stderr.on('data', (d) => { text += d; });
    const timer = setTimeout(() => {
      c.killGroup(child.pid);
      reject(new Error(`${o.name} did not finish within ${timeoutMs} ms\n${text.slice(-2000)}`));
    }, timeoutMs);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      c.killGroup(child.pid, 500).then(() => resolve({ code: exitCode, output: text }));
    });
  });
  c.log(`${o.name} exited with ${code} after ${Date.now() - started} ms`);
  fs.writeFileSync(path.join(runDir, `${o.name}-output.log`), output);
  if (!fs.existsSync(out)) throw new Error(`${o.name} wrote no result\n${output.slice(-3000)}`);
  const record = JSON.parse(fs.readFileSync(out, 'utf8'));
  for (const s of record.steps || []) c.log(`  ${o.name} step ${s.name} at ${s.ms} ms`);
  console.log(o.title);
  const { passed, failed } = checkClientRecord(record);
  if (failed === 0 && !process.env.E2E_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else c.log(`run folder kept for inspection: ${runDir}`);
  return { passed, failed };
}

/** Standard main() for a client wrapper: run, print the closing line, never throw. */
function mainFor(o) {
  runEditorClient(o)
    .then(({ passed, failed }) => c.finish(passed, failed, o.name))
    .catch((e) => {
      console.error(e && e.stack ? e.stack : e);
      c.killAllGroupsSync();
      console.log(`${o.name}: 0 passed, 1 failed`);
      process.exitCode = 1;
    });
}

module.exports = { runEditorClient, mainFor };
