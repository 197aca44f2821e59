// The server side of "Clean all dumps in workspace": the edits for a file's text equal
// `clean`, and files that are not dumps are skipped according to newsdump.plaintext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clean } from '../../server/src/analysis';
import { cleanTextFor } from '../../server/src/lsp/cleanText';
import { normalizeSettings } from '../../server/src/lsp/settings';

const SEED = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus', 'seed-daily8.txt'), 'utf8');
const PROSE = 'Chapter One\n\nThe rain had not stopped for three days, and the river was higher than anyone in the village could remember. Mara walked to the bridge every morning to look at it.\n';

function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.txt', 'plaintext', 1, text), edits);
}

test('a dump: the edits turn its text into exactly `clean` of it', () => {
  const res = cleanTextFor({ uri: 'file:///d.txt', text: SEED, newsdumpLanguage: false }, normalizeSettings({}));
  assert.equal(res.dump, true);
  assert.ok(res.edits.length > 0 && res.wordsRemoved > 0);
  assert.equal(apply(SEED, res.edits), clean(SEED));
});

test('plain prose in auto mode is no dump and gets no edits', () => {
  const res = cleanTextFor({ uri: 'file:///novel.txt', text: PROSE, newsdumpLanguage: false }, normalizeSettings({}));
  assert.equal(res.dump, false);
  assert.deepEqual(res.edits, []);
  assert.match(res.reason ?? '', /does not look like a news dump/);
});

test('plaintext "never" skips .txt files but not files in the newsdump language', () => {
  const never = normalizeSettings({ plaintext: 'never' });
  assert.equal(cleanTextFor({ uri: 'file:///d.txt', text: SEED, newsdumpLanguage: false }, never).dump, false);
  assert.equal(cleanTextFor({ uri: 'file:///d.news.txt', text: SEED, newsdumpLanguage: true }, never).dump, true);
});

test('a file over the size limit is skipped with the reason', () => {
  const res = cleanTextFor({ uri: 'file:///big.txt', text: SEED.repeat(200), newsdumpLanguage: true }, normalizeSettings({ maxFileSizeMB: 1 }));
  assert.equal(res.dump, false);
  assert.match(res.reason ?? '', /maxFileSizeMB/);
});
