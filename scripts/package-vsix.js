#!/usr/bin/env node
// Builds the VSIX with @vscode/vsce (v3: v4 needs Node 22). vsce runs the
// `vscode:prepublish` script (a --production build: minified, no source maps) and takes the
// file list from .vscodeignore. Everything is bundled, so dependencies are not packed.
//
// usage: node scripts/package-vsix.js [--out FILE.vsix]   (npm run package)
// Prints the VSIX path, its size and each file in it.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

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
  await createVSIX({ cwd: root, packagePath, dependencies: false, allowStarActivation: false });
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
