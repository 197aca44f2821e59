// The progress bar appears on a terminal (run under `script`, which gives it a pty) and
// only for more than one file; pipes never get control characters (see check.test.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { test } from 'node:test';
import { CLI, makeTree, tmpdir } from './helpers';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function onTty(args: string[]): string {
  const cmd = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // stdout goes to a file so only stderr reaches the terminal
  const r = spawnSync('script', ['-qec', `${cmd} > /dev/null`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '100' } });
  return r.stdout;
}

test('a progress bar is drawn on a terminal for several files, then cleared', { skip: hasScript ? false : 'util-linux `script` is not installed' }, () => {
  const dir = tmpdir();
  makeTree(dir, 12);
  const out = onTty(['check', '--jobs', '2', dir]);
  assert.match(out, /\r\[#*-*\] \d+\/12 files/);
  assert.match(out, /12\/12 files/);
  assert.ok(out.endsWith('\r\x1b[K'), JSON.stringify(out.slice(-40)));
});

test('no progress bar for a single file, even on a terminal', { skip: hasScript ? false : 'util-linux `script` is not installed' }, () => {
  const dir = tmpdir();
  const [rel] = makeTree(dir, 1);
  const out = onTty(['check', `${dir}/${rel}`]);
  assert.doesNotMatch(out, /files/);
});
