'use strict';
// extensionTestsPath entry: VS Code loads this module INSIDE the real extension host (the
// same for code-server's remote Node host and for @vscode/test-electron's desktop host) and
// calls run(); a rejected promise makes the host exit with code 1.
//
// mocha comes from .e2e/tools (installed by scripts/install-e2e.sh) so the project's own
// package.json does not need it; a project-level mocha is used when that is absent.

const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');

function loadMocha() {
  const candidates = [path.join(ROOT, '.e2e', 'tools'), ROOT];
  if (process.env.NEWSDUMP_E2E_DIR) candidates.unshift(path.join(process.env.NEWSDUMP_E2E_DIR, 'tools'));
  for (const dir of candidates) {
    try {
      return require(require.resolve('mocha', { paths: [dir] }));
    } catch {
      /* try the next place */
    }
  }
  throw new Error('mocha not found: run scripts/install-e2e.sh');
}

exports.run = function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    // each test polls with its own, shorter deadlines; this is only the outer bound
    timeout: 90000,
  });
  if (process.env.NEWSDUMP_E2E_GREP) mocha.grep(process.env.NEWSDUMP_E2E_GREP);
  mocha.addFile(path.join(__dirname, 'newsdump.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats || {};
      // The launcher reads this line from the forwarded extension-host log to print the
      // closing "N passed, N failed" line (the exit code alone does not carry counts).
      const counts = JSON.stringify({ passed: passes, failed: failures, skipped: pending });
      console.log(`NEWSDUMP_E2E_RESULT ${counts}`);
      // test-electron's launcher passes a file to write them to (its host's stdout is not ours to parse)
      if (process.env.NEWSDUMP_E2E_RESULT_FILE) require('fs').writeFileSync(process.env.NEWSDUMP_E2E_RESULT_FILE, counts);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
};
