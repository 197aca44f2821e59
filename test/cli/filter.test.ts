// newsdump filter: JSON Lines in, JSON Lines out, in order, streaming, bad lines reported.
import assert from 'node:assert/strict';
import { spawn } from 'child_process';
import { test } from 'node:test';
import { analyze, articleRecords, clean, statistics } from '../../server/src/analysis';
import { CLI, cli, CRICKET, INDIA } from './helpers';

const jsonl = (recs: unknown[]) => recs.map((r) => JSON.stringify(r)).join('\n') + '\n';

test('each record comes back cleaned, with its articles and residue counts', () => {
  const r = cli(['filter'], { input: jsonl([{ id: 'c', text: CRICKET() }, { id: 7, text: INDIA() }]) });
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 2);
  assert.deepEqual(out[0], {
    id: 'c',
    text: clean(CRICKET()),
    articles: JSON.parse(JSON.stringify(articleRecords(analyze(CRICKET())))),
    residue: statistics(CRICKET(), analyze(CRICKET())).byRule,
  });
  assert.equal(out[1].id, 7);
  assert.equal(out[1].text, clean(INDIA()));
  assert.ok(Object.values(out[0].residue as Record<string, number>).reduce((a, b) => a + b, 0) > 0);
  const layout = JSON.parse(cli(['filter', '--layout'], { input: jsonl([{ id: 1, text: CRICKET() }]) }).stdout);
  assert.equal(layout.text, clean(CRICKET(), { layout: true }));
});

test('bad lines give {"id", "error"} and the run goes on; blank lines are skipped', () => {
  const input = Buffer.concat([
    Buffer.from('{"id":1,"text":"Advertisement\\nSome text."}\n'),
    Buffer.from('not json\n\n   \n'),
    Buffer.from('{"id":"no-text"}\n[1,2]\n'),
    Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x33, 0x2c, 0xff, 0x7d, 0x0a]),
    Buffer.from('{"id": "kept", "text": broken}\n'),
    Buffer.from('{"id":4,"text":42}\r\n{"id":5,"text":"last, no newline"}'),
  ]);
  const r = cli(['filter'], { input });
  assert.equal(r.code, 0);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), [1, null, 'no-text', null, 3, 'kept', 4, 5]);
  assert.ok(!('error' in out[0]));
  assert.match(out[1].error, /^not JSON/);
  assert.match(out[2].error, /"text" is missing/);
  assert.equal(out[3].error, 'not a JSON object');
  assert.equal(out[4].error, 'not valid UTF-8');
  assert.match(out[5].error, /^not JSON/);
  assert.match(out[6].error, /not a string/);
  assert.equal(out[7].text, 'last, no newline');
});

test('--jobs 3 gives the same records in the same order', () => {
  const recs = Array.from({ length: 200 }, (_, i) => ({ id: i, text: i % 2 ? CRICKET() : INDIA().slice(0, 200 + i) }));
  const one = cli(['filter'], { input: jsonl(recs) });
  const three = cli(['filter', '--jobs', '3'], { input: jsonl(recs) });
  assert.equal(three.code, 0, three.stderr);
  assert.equal(three.stdout, one.stdout);
  assert.equal(one.stdout.trim().split('\n').length, 200);
});

test('filter streams: a record is answered before standard input ends', async () => {
  const child = spawn(process.execPath, [CLI, 'filter']);
  child.stdout.setEncoding('utf8');
  const firstLine = new Promise<string>((resolve) => {
    let buf = '';
    child.stdout.on('data', (d: string) => {
      buf += d;
      if (buf.includes('\n')) resolve(buf.split('\n')[0]);
    });
  });
  child.stdin.write(JSON.stringify({ id: 'early', text: CRICKET() }) + '\n');
  const timeout = new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no output while stdin is open')), 10000));
  const line = await Promise.race([firstLine, timeout]);
  assert.equal(JSON.parse(line).id, 'early');
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.end();
  assert.equal(await done, 0);
});

test('filter takes no file arguments', () => {
  const r = cli(['filter', 'x.jsonl']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^newsdump: filter: reads standard input only/);
});
