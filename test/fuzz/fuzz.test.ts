// The fuzz property test, bounded for `npm test`: 2,000 seeded cases (mutated dump texts,
// see lib.ts), each checked against every property in PROPERTIES. A failure prints the
// case number, its mutations and how to replay it: `npm run fuzz -- --seed S --from I --cases 1 --verbose`.
// Longer runs: `npm run fuzz -- --cases 100000 --seed 7`.
import assert from 'node:assert/strict';
import test from 'node:test';
import { findRoot, loadSeeds, PROPERTIES, PropertyId, run } from './lib';

const SEED = Number(process.env.NEWSDUMP_FUZZ_SEED ?? 20261128);
const CASES = Number(process.env.NEWSDUMP_FUZZ_CASES ?? 2000);

/**
 * Properties the engine does not keep yet, with why (docs/robustness.md). They still run
 * and report; node:test shows them as TODO instead of failing the suite.
 */
const KNOWN: Partial<Record<PropertyId, string>> = {
  'layout-overlap':
    'a broken-line finding spans its whole chain of joins, so an inline finding (ad marker, teaser, glued heading) on a middle line of the chain lies inside its span (the edits do not overlap; edits-overlap checks those)',
};

const seeds = loadSeeds(findRoot(__dirname));
const result = run(SEED, 0, CASES, seeds, 20);

test(`fuzz: ${CASES} cases of seed ${SEED} ran (${result.ms} ms)`, () => {
  assert.equal(result.cases, CASES);
  assert.ok(seeds.length >= 3, 'fuzz seed texts present in test/fixtures/fuzz');
});

for (const [id, what] of Object.entries(PROPERTIES) as [PropertyId, string][]) {
  const failing = result.failures.filter((f) => f.problems.some((p) => p.prop === id));
  const known = KNOWN[id];
  test(`fuzz property ${id}: ${what}`, known ? { todo: `${failing.length}/${CASES} cases: ${known}` } : {}, () => {
    if (failing.length === 0) return;
    const shown = failing.slice(0, 3).map((f) =>
      `case ${f.i} (replay: npm run fuzz -- --seed ${SEED} --from ${f.i} --cases 1 --verbose)\n  mutations: ${f.ops.join('; ')}\n  ` +
      f.problems.filter((p) => p.prop === id).map((p) => p.msg).join('\n  '));
    assert.fail(`${failing.length} of ${CASES} cases break "${what}":\n${shown.join('\n')}`);
  });
}
