'use strict';
// Assertions shared by the wrappers of the non-VS Code LSP clients (neovim, emacs). Each
// client script drives its editor against dist/server.js and writes the same JSON record
// (raw LSP data as the editor received it, plus buffer texts after each edit); the checks
// below judge it, so every client is held to the same expectations.

const assert = require('assert');
const fs = require('fs');
const c = require('./common');
const { RULES, ARTICLES, foldForArticle } = require('../seed-expectations');

const SEVERITY_WARNING = 2; // LSP DiagnosticSeverity.Warning
const TAG_UNNECESSARY = 1; // LSP DiagnosticTag.Unnecessary

/**
 * @param {object} r the record written by the editor script
 * @returns {{passed:number, failed:number}}
 */
function checkClientRecord(r) {
  const original = fs.readFileSync(c.SEED, 'utf8');
  let passed = 0;
  let failed = 0;
  const check = (name, fn) => {
    try {
      fn();
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (e) {
      failed++;
      console.log(`  ✘ ${name}\n      ${String(e.message).split('\n').join('\n      ')}`);
    }
  };
  const widgets = (diags) => (diags || []).filter((d) => d.code === 'sponsored-widget');
  const edits = (action) => {
    const we = action.edit || {};
    const list = [];
    for (const v of Object.values(we.changes || {})) list.push(...v);
    for (const dc of we.documentChanges || []) list.push(...(dc.edits || []));
    return list;
  };

  check('no errors inside the editor', () => assert.deepStrictEqual(r.errors, []));
  check('initialize handshake', () => assert.strictEqual(r.initialized, true));
  check('buffer holds the seed', () => assert.strictEqual(r.original_text, original));
  check('diagnostics published, all from newsdump with known rule ids', () => {
    assert.ok(r.diagnostics.length > 0, 'no diagnostics');
    for (const d of r.diagnostics) {
      assert.strictEqual(d.source, 'newsdump');
      assert.ok(RULES.includes(d.code), `unknown rule id ${d.code}`);
    }
    if (r.editor_diagnostic_count !== undefined) {
      assert.strictEqual(r.editor_diagnostic_count, r.diagnostics.length, "the editor's own diagnostic store holds them too");
    }
    const counts = {};
    for (const d of r.diagnostics) counts[d.code] = (counts[d.code] || 0) + 1;
    console.log(`      ${r.diagnostics.length} diagnostics: ${JSON.stringify(counts)}`);
  });
  check('sponsored-widget is a Warning tagged Unnecessary', () => {
    const w = widgets(r.diagnostics);
    assert.ok(w.length > 0, 'no sponsored-widget diagnostic');
    for (const d of w) {
      assert.strictEqual(d.severity, SEVERITY_WARNING);
      assert.ok((d.tags || []).includes(TAG_UNNECESSARY), 'tag Unnecessary');
    }
    assert.match(r.widget_text, /Taboola/);
  });
  check('documentSymbol: one per article, headline names, source in detail', () => {
    assert.deepStrictEqual(r.symbols.map((s) => s.name), ARTICLES.map((a) => a.headline));
    ARTICLES.forEach((a, i) => {
      if (a.source) assert.ok((r.symbols[i].detail || '').includes(a.source), `detail "${r.symbols[i].detail}" has "${a.source}"`);
    });
    r.symbols.forEach((s, i) => {
      const sel = (s.selectionRange || s.range).end.line;
      assert.ok(s.range.end.line > sel, `article ${i + 1}'s range (${s.range.start.line}-${s.range.end.line}) covers its body, not only the headline`);
    });
  });
  check('foldingRange: a range per article', () => {
    console.log(`      folds: ${r.folds.map((f) => `${f.startLine}-${f.endLine}`).join(', ')}`);
    r.symbols.forEach((s, i) => {
      const f = foldForArticle(r.folds, s.range.start.line, (s.selectionRange || s.range).start.line, s.range.end.line);
      assert.ok(f, `no fold for article ${i + 1} (lines ${s.range.start.line}-${s.range.end.line})`);
    });
  });
  const preferred = (r.quickfix_actions || []).find((a) => a.isPreferred);
  check('codeAction: a preferred quick fix that only deletes', () => {
    assert.ok(preferred, `no preferred quick fix among ${JSON.stringify((r.quickfix_actions || []).map((a) => a.title))}`);
    console.log(`      quick fix: "${preferred.title}"`);
    assert.strictEqual(preferred.kind, 'quickfix');
    const es = edits(preferred);
    assert.ok(es.length > 0 || preferred.command, 'the fix carries an edit or a command');
    for (const e of es) assert.strictEqual(e.newText.trim(), '', 'edits only delete');
  });
  check('quick fix applied by the editor removes the widget and the server re-publishes', () => {
    const before = r.original_text;
    const after = r.after_quickfix_text;
    assert.ok(typeof after === 'string' && after.length < before.length, 'buffer got shorter');
    const count = (s, sub) => s.split(sub).length - 1;
    assert.strictEqual(count(after, r.widget_text), count(before, r.widget_text) - 1, 'widget text gone once');
    assert.strictEqual(widgets(r.diagnostics_after_quickfix).length, widgets(r.diagnostics).length - 1, 'one widget fewer');
  });
  check('fix-all (source.fixAll.newsdump) applied by the editor equals `newsdump clean`', () => {
    assert.ok(typeof r.after_fixall_text === 'string', `no fix-all action among ${JSON.stringify((r.fixall_actions || []).map((a) => a.kind))}`);
    const expectedClean = c.cliClean(c.SEED);
    if (r.after_fixall_text !== expectedClean) assert.fail(`differs from the CLI clean at ${c.firstDiff(r.after_fixall_text, expectedClean)}`);
    assert.strictEqual(widgets(r.diagnostics_after_fixall).length, 0, 'no sponsored-widget left');
  });
  check('hover on a sponsored widget names the rule', () => {
    const contents = r.hover && r.hover.contents;
    const text = typeof contents === 'string' ? contents : (contents && (contents.value || JSON.stringify(contents))) || '';
    assert.match(text, /sponsored-widget/);
  });
  check('workspace/executeCommand newsdump.applyFixAll: server applyEdit handled by the editor equals `newsdump clean`', () => {
    assert.strictEqual(r.restored_text, original, 'buffer restored to the original first');
    assert.ok(typeof r.after_command_text === 'string', 'command ran');
    const expectedClean = c.cliClean(c.SEED);
    if (r.after_command_text !== expectedClean) {
      assert.fail(`differs from the CLI clean at ${c.firstDiff(r.after_command_text, expectedClean)}; command result ${JSON.stringify(r.command_result)}`);
    }
  });
  check('server shut down cleanly', () => assert.strictEqual(r.stopped, true));

  return { passed, failed };
}

module.exports = { checkClientRecord };
