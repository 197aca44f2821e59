// The VSIX (npm run package) holds only the shipped files, and its CLI bundle runs alone.
// Set NEWSDUMP_VSIX=path/to/file.vsix to check a prebuilt package instead of building one.
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { before, test } from 'node:test';
import * as yauzl from 'yauzl';
import { CRICKET, ROOT, tmpdir } from './helpers';

interface Entry {
  name: string;
  size: number;
  data: Buffer;
}

function readZip(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries: Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: e.fileName, size: e.uncompressedSize, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const EXPECTED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/dist/cli.js',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/images/icon.png',
  'extension/language-configuration.json',
  'extension/package.json',
  'extension/readme.md',
  'extension/syntaxes/newsdump.tmLanguage.json',
];

let entries: Entry[] = [];
let vsixPath = '';

before(async () => {
  vsixPath = process.env.NEWSDUMP_VSIX ?? path.join(tmpdir('newsdump-vsix-test-'), 'newsdump.vsix');
  if (!process.env.NEWSDUMP_VSIX) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.js'), '--out', vsixPath], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  }
  entries = await readZip(vsixPath);
});

test('the VSIX holds exactly the shipped files', () => {
  assert.deepEqual(entries.map((e) => e.name).sort(), EXPECTED);
});

test('no source maps, sources, tests, dev files or node_modules', () => {
  for (const e of entries) {
    assert.doesNotMatch(e.name, /\.map$|\.ts$|node_modules|\/test\/|\/out\/|tsconfig|\.vscodeignore|package-lock|\.github|\.e2e/, e.name);
    assert.ok(!e.data.toString('utf8').includes('sourceMappingURL=') || !e.name.endsWith('.js'), `${e.name} points at a source map`);
  }
});

test('the manifest names the icon, repository, entry point and a production build', () => {
  const pkg = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data.toString('utf8'));
  assert.equal(pkg.publisher, 'newsdump');
  assert.equal(pkg.icon, 'images/icon.png');
  assert.equal(pkg.repository.url, 'https://github.com/newsdump/newsdump');
  assert.equal(pkg.main, './dist/extension.js');
  assert.ok(pkg.categories.length > 0 && pkg.keywords.length > 0);
  assert.match(pkg.engines.vscode, /^\^1\./);
  const icon = entries.find((e) => e.name === 'extension/images/icon.png')!.data;
  assert.deepEqual([...icon.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  assert.equal(icon.readUInt32BE(16), 128);
  assert.equal(icon.readUInt32BE(20), 128);
  const manifest = entries.find((e) => e.name === 'extension.vsixmanifest')!.data.toString('utf8');
  assert.match(manifest, /Microsoft\.VisualStudio\.Services\.Icons\.Default/);
  const cli = entries.find((e) => e.name === 'extension/dist/cli.js')!;
  for (const name of ['cli', 'server', 'extension'])
    assert.ok(!entries.find((e) => e.name === `extension/dist/${name}.js`)!.data.toString('utf8').includes('// server/src/'), `${name}.js is a production (minified) build`);
  assert.ok(cli.size < 2_000_000, `cli.js is ${cli.size} bytes`);
});

test('the packed CLI runs alone (no node_modules), worker threads included', () => {
  const dir = tmpdir('newsdump-vsix-cli-');
  const cli = path.join(dir, 'cli.js');
  fs.writeFileSync(cli, entries.find((e) => e.name === 'extension/dist/cli.js')!.data);
  for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), CRICKET());
  const r = spawnSync(process.execPath, [cli, 'check', '--jobs', '2', '--format', 'sarif', dir], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).version, '2.1.0');
  const f = spawnSync(process.execPath, [cli, 'filter'], { input: JSON.stringify({ id: 1, text: CRICKET() }) + '\n', encoding: 'utf8' });
  assert.equal(f.status, 0, f.stderr);
  assert.equal(JSON.parse(f.stdout).id, 1);
});
