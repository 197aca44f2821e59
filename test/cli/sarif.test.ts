// newsdump check --format sarif: a SARIF 2.1.0 log with the rule table and 1-based regions.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import type * as Sarif from 'sarif';
import { analyze, RULES } from '../../server/src/analysis';
import { sarifLog, sarifRegion } from '../../server/src/cli/sarif';
import { cli, CRICKET, INDIA, tmpdir } from './helpers';

function run(dir: string, args: string[]): Sarif.Log {
  const r = cli(['check', '--format', 'sarif', ...args], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as Sarif.Log;
}

test('the log names SARIF 2.1.0 and the tool with every rule, help links included', () => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'a.txt'), CRICKET());
  const log = run(dir, ['a.txt']);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema!, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'newsdump');
  assert.match(driver.version!, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(driver.rules!.map((r) => r.id), Object.keys(RULES));
  for (const r of driver.rules!) {
    assert.equal(r.helpUri, `https://github.com/newsdump/newsdump#rule-${r.id}`);
    assert.equal(r.fullDescription!.text, RULES[r.id as keyof typeof RULES].description);
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration!.level!));
  }
});

test('results carry ruleId, ruleIndex, level, message and a 1-based region', () => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'a.txt'), CRICKET());
  fs.mkdirSync(path.join(dir, 'sub dir'));
  fs.writeFileSync(path.join(dir, 'sub dir', 'b.txt'), INDIA());
  const log = run(dir, ['a.txt', 'sub dir']);
  const run0 = log.runs[0];
  const rules = run0.tool.driver.rules!;
  const model = analyze(CRICKET());
  const results = run0.results!;
  assert.equal(results.length, model.residue.length + analyze(INDIA()).residue.length);
  const forA = results.filter((r) => r.locations![0].physicalLocation!.artifactLocation!.uri === 'a.txt');
  assert.equal(forA.length, model.residue.length);
  forA.forEach((res, i) => {
    const want = model.residue[i];
    assert.equal(res.ruleId, want.rule);
    assert.equal(rules[res.ruleIndex!].id, want.rule);
    assert.equal(res.level, want.severity === 'warning' ? 'warning' : want.severity === 'error' ? 'error' : 'note');
    assert.ok(res.message.text!.startsWith(want.message));
    const region = res.locations![0].physicalLocation!.region!;
    assert.equal(region.startLine, want.range.start.line + 1);
    assert.equal(region.startColumn, want.range.start.character + 1);
    assert.equal(region.endLine, want.range.end.line + 1);
    assert.equal(region.endColumn, want.range.end.character + 1);
    assert.ok(region.startLine! >= 1 && region.startColumn! >= 1);
  });
  assert.ok(results.some((r) => r.locations![0].physicalLocation!.artifactLocation!.uri === 'sub%20dir/b.txt'));
  assert.equal(run0.columnKind, 'utf16CodeUnits');
});

test('a clean file gives an empty results array; stdin is the artifact "stdin"', () => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'ok.txt'), 'Nothing to see here, only prose.\n');
  assert.deepEqual(run(dir, ['ok.txt']).runs[0].results, []);
  const r = cli(['check', '--format', 'sarif', '-'], { input: CRICKET() });
  const log = JSON.parse(r.stdout) as Sarif.Log;
  assert.equal(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri, 'stdin');
});

test('sarifRegion turns 0-based exclusive ends into SARIF columns', () => {
  assert.deepEqual(sarifRegion({ start: { line: 0, character: 0 }, end: { line: 2, character: 4 } }), { startLine: 1, startColumn: 1, endLine: 3, endColumn: 5 });
  const log = sarifLog('1.2.3', [], '/tmp');
  assert.deepEqual(log.runs[0].results, []);
  assert.equal(log.runs[0].tool.driver.version, '1.2.3');
});
