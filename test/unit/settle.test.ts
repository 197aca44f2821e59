// settle: what a look at the cleaned text finds is mapped back onto the text, merged without
// overlaps, and the rounds stop when the cleaned text has nothing left to delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../server/src/analysis';
import type { DumpModel, Residue, RuleId } from '../../server/src/analysis/model';
import { CleanedView, cleanedView, settle, SETTLE_ROUNDS } from '../../server/src/analysis/settle';
import { PositionMapper, splitLines } from '../../server/src/analysis/text';

function model(text: string, residue: Residue[]): DumpModel {
  const t = splitLines(text);
  return {
    length: text.length, lineCount: t.lines.length, eol: t.eol, mixedEol: false, bom: false, notice: null,
    shape: 'page', articles: [], groups: [], residue,
  };
}

/** A finding that deletes [start, end) of `text`, or rewrites it when `newText` is given. */
function finding(text: string, start: number, end: number, rule: RuleId = 'site-chrome', newText?: string): Residue {
  const m = new PositionMapper(splitLines(text));
  const layout = newText !== undefined;
  return {
    rule, message: rule, severity: 'warning', start, end, range: m.range(start, end), evidence: 'test',
    fix: { title: 'fix', kind: layout ? 'layout' : 'delete', edits: [{ start, end, newText: newText ?? '', range: m.range(start, end) }] },
    article: -1, origin: 'classifier',
  };
}

/** A look that deletes every line equal to one of `lines` (with its line break). */
function deletesLines(...lines: string[]) {
  return (text: string): DumpModel => {
    const residue: Residue[] = [];
    for (const l of splitLines(text).lines) if (lines.includes(l.text)) residue.push({ ...finding(text, l.start, l.end), fix: { title: 'fix', kind: 'delete', edits: [{ start: l.start, end: l.next, newText: '', range: new PositionMapper(splitLines(text)).range(l.start, l.next) }] } });
    return model(text, residue);
  };
}

const cleanedBy = (f: (text: string) => DumpModel) => (v: CleanedView) => f(v.cleaned.toString());

const TEXT = 'Menu\nLog in\nHeadline\nBody one.\nShare\nBody two.\n';

test('a text whose cleaned text has nothing more to delete is returned as it is', () => {
  const m = model(TEXT, [finding(TEXT, 0, 5)]);
  let looks = 0;
  const out = settle(TEXT, m, new PositionMapper(splitLines(TEXT)), ({ cleaned }) => (looks++, model(cleaned.toString(), [])));
  assert.equal(out, m);
  assert.equal(looks, 1);
});

test('a text with nothing to delete is not looked at again', () => {
  const m = model(TEXT, []);
  const out = settle(TEXT, m, new PositionMapper(splitLines(TEXT)), () => assert.fail('looked at'));
  assert.equal(out, m);
});

test('what the cleaned text loses is mapped back to this text, and the result is idempotent', () => {
  // The first look deletes "Menu"; once it is gone, "Log in" (now first) is furniture too.
  const first = model(TEXT, [finding(TEXT, 0, 5)]);
  const look = ({ cleaned }: CleanedView) => {
    const t = cleaned.toString();
    return deletesLines(...(t.startsWith('Log in') ? ['Log in'] : []))(t);
  };
  const out = settle(TEXT, first, new PositionMapper(splitLines(TEXT)), look);
  assert.equal(out.residue.length, 2);
  const cleaned = applyEdits(TEXT, fixAllEdits(out));
  assert.equal(cleaned, 'Headline\nBody one.\nShare\nBody two.\n');
  const later = out.residue[1];
  assert.equal(TEXT.slice(later.start, later.end), 'Log in');
  assert.deepEqual(later.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  assert.match(later.evidence, /once the residue around it is deleted/);
});

test('a later deletion around an earlier one covers it: one finding, no overlap', () => {
  // "Body one. AD" has its "AD" deleted inline; the cleaned line is then deleted whole.
  const text = 'Head\nBody one. AD\nBody two.\n';
  const ad = text.indexOf(' AD');
  const first = model(text, [finding(text, ad, ad + 3, 'ad-marker')]);
  const out = settle(text, first, new PositionMapper(splitLines(text)), cleanedBy(deletesLines('Body one.')));
  assert.equal(out.residue.length, 1);
  assert.equal(text.slice(out.residue[0].start, out.residue[0].end), 'Body one. AD');
  assert.equal(applyEdits(text, fixAllEdits(out)), 'Head\nBody two.\n');
});

test('a layout fix on text a later deletion removes is dropped', () => {
  // A join of "Share" with the next line would edit a line that goes.
  const text = 'Head\nMenu\nBody one.\nShare\nBody two.\n';
  const share = text.indexOf('Share');
  const join = finding(text, share + 5, share + 6, 'broken-line', ' ');
  const first = model(text, [finding(text, 5, 10), join]);
  const out = settle(text, first, new PositionMapper(splitLines(text)), cleanedBy(deletesLines('Share')));
  assert.ok(!out.residue.some((r) => r.rule === 'broken-line'));
  assert.equal(applyEdits(text, fixAllEdits(out, { layout: true })), 'Head\nBody one.\nBody two.\n');
});

test('the rounds are capped: an analysis that always finds more stops after SETTLE_ROUNDS looks', () => {
  const text = 'a\nb\nc\nd\ne\nf\ng\nh\n';
  const first = model(text, [finding(text, 0, 2)]);
  let looks = 0;
  // Always deletes the cleaned text's first line.
  const out = settle(text, first, new PositionMapper(splitLines(text)), ({ cleaned }) => {
    const t = cleaned.toString();
    looks++;
    const l = splitLines(t).lines[0];
    return model(t, [{ ...finding(t, l.start, l.end), fix: { title: 'fix', kind: 'delete', edits: [{ start: l.start, end: l.next, newText: '', range: new PositionMapper(splitLines(t)).range(l.start, l.next) }] } }]);
  });
  assert.equal(looks, SETTLE_ROUNDS);
  assert.equal(out.residue.length, 1 + SETTLE_ROUNDS);
  assert.equal(applyEdits(text, fixAllEdits(out)), text.slice(2 * (1 + SETTLE_ROUNDS)));
});

test('a view patched from the previous version\'s is the view built afresh, and says what changed', () => {
  const lines = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? `Share ${i}` : `Body line ${i} of the story.`));
  const before = lines.join('\n') + '\n';
  const residueOf = (text: string) => deletesLines(...lines.filter((l) => l.startsWith('Share')))(text).residue;
  const prev = cleanedView(before, residueOf(before))!;
  for (const [at, del, ins] of [[10, 0, 'x'], [200, 5, ''], [before.indexOf('Share 24'), 8, 'Shore 24'], [before.length - 3, 3, 'end\n'], [400, 0, '\nShare 99\n']] as [number, number, string][]) {
    const after = before.slice(0, at) + ins + before.slice(at + del);
    const fresh = cleanedView(after, residueOf(after))!;
    const patched = cleanedView(after, residueOf(after), { prev, change: { start: at, end: at + del, insertedLength: ins.length } })!;
    assert.equal(patched.cleaned.toString(), fresh.cleaned.toString());
    assert.deepEqual(patched.kept, fresh.kept);
    const c = patched.change!;
    assert.equal(prev.cleaned.slice(0, c.start) + patched.cleaned.slice(c.start, c.start + c.insertedLength) + prev.cleaned.slice(c.end), patched.cleaned.toString());
    assert.ok(c.insertedLength < 400, `a local edit patches the kept stretches around it (${c.insertedLength} chars)`);
  }
});
