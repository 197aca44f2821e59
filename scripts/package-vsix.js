#!/usr/bin/env node
// Builds the VSIX with @vscode/vsce (v3: v4 needs Node 22). vsce runs the
// `vscode:prepublish` script (a --production build: minified, no source maps) and takes the
// file list from .vscodeignore. Everything is bundled, so dependencies are not packed.
//
// It packages from a staging copy (package files copied, sources linked) so the production
// build goes to the stage's dist/ and the working tree's dev bundles (and any test running
// them at the same time) are left alone.
//
// usage: node scripts/package-vsix.js [--out FILE.vsix]   (npm run package)
// Prints the VSIX path, its size and each file in it.
const fs = require('fs');
const path = require('path');

const os = require('os');

const root = path.join(__dirname, '..');
/** Copied into the stage: what the VSIX holds, and what the production build runs. */
const COPY = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json', 'syntaxes', 'images', 'scripts/build.js', 'tsconfig.json'];
/** Linked: the sources esbuild reads and the packages it resolves. */
const LINK = ['server', 'client', 'node_modules'];

function outPath() {
  const i = process.argv.indexOf('--out');
  if (i !== -1 && process.argv[i + 1]) return path.resolve(process.argv[i + 1]);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, `${pkg.name}-${pkg.version}.vsix`);
}

async function main() {
  for (const f of ['README.md', 'LICENSE', 'CHANGELOG.md', 'images/icon.png']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing; the VSIX needs it`);
  }
  const { createVSIX } = require('@vscode/vsce');
  const packagePath = outPath();
  fs.mkdirSync(path.dirname(packagePath), { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdump-vsix-'));
  try {
    for (const f of COPY) if (fs.existsSync(path.join(root, f))) fs.cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
    for (const f of LINK) fs.symlinkSync(path.join(root, f), path.join(stage, f));
    await createVSIX({ cwd: stage, packagePath, dependencies: false, allowStarActivation: false });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  const size = fs.statSync(packagePath).size;
  console.log(`${path.relative(process.cwd(), packagePath)}: ${(size / 1024).toFixed(1)} KiB`);
  for (const e of await vsixEntries(packagePath)) console.log(`  ${e.name.padEnd(44)} ${(e.size / 1024).toFixed(1).padStart(8)} KiB`);
}

/** Names and uncompressed sizes of the entries of a VSIX (a zip), read with yauzl. */
function vsixEntries(file) {
  const yauzl = require('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = [];
      zip.on('entry', (e) => {
        entries.push({ name: e.fileName, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
module.exports = { vsixEntries };

if (require.main === module)
  main().catch((e) => {
    console.error(`package-vsix: ${e.message || e}`);
    process.exit(1);
  });
