#!/usr/bin/env node
// Bundles the three entry points with esbuild. The server and CLI must run under plain
// `node` with no node_modules next to them (other editors start dist/server.js directly),
// so everything is bundled; only `vscode` stays external because the host provides it.
const esbuild = require('esbuild');
const path = require('path');

const root = path.join(__dirname, '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// Big JSON files (the classifier's model.json, some 600 KB) are bundled as JSON.parse of a
// string instead of as an object literal: V8 reads JSON faster than it parses the same data
// as JavaScript, and every start of the CLI and the server pays for it.
const BIG_JSON = 64 * 1024;
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, (args) => {
      const text = require('fs').readFileSync(args.path, 'utf8');
      if (text.length < BIG_JSON) return undefined; // esbuild's own JSON loader
      JSON.parse(text); // fail the build on bad JSON, as the JSON loader would
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  plugins: [jsonAsParse],
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

async function main() {
  const fs = require('fs');
  const existing = entries.filter((e) => fs.existsSync(path.join(root, e.entryPoints[0])));
  if (watch) {
    for (const e of existing) (await esbuild.context({ ...common, ...e })).watch();
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(existing.map((e) => esbuild.build({ ...common, ...e })));
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
