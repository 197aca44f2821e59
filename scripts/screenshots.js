#!/usr/bin/env node
'use strict';
// `npm run screenshots`: drives the real VS Code workbench (code-server + headless Debian
// chromium, as in test/e2e) like a person would, and saves what the extension shows:
//   docs/problems.png   Problems panel with the seed's findings
//   docs/quickfix.png   the quick-fix menu on a sponsored widget (Ctrl+.)
//   docs/outline.png    the Outline view: one entry per article
// It also checks along the way (each step waits for its UI with a timeout) and exits 1 when a
// step fails, so it doubles as a GUI smoke test. Needs `npm run build` and the e2e tools
// (scripts/install-e2e.sh).
//
// Options: --out DIR (default docs/); --check (a test run: pictures go to the run folder,
// deleted on success); env NEWSDUMP_E2E_EXT loads another extension folder.

const fs = require('fs');
const path = require('path');
const c = require('../test/e2e/lib/common');
const { startCodeServer, workbenchUrl } = require('../test/e2e/lib/code-server');
const { launchBrowser } = require('../test/e2e/lib/browser');

// --check: the same walk as a test, pictures into the (deleted) run folder, docs/ untouched
const CHECK = process.argv.includes('--check');
const OUT_ARG = process.argv.includes('--out') ? path.resolve(process.argv[process.argv.indexOf('--out') + 1]) : null;
const EXT_PATH = path.resolve(process.env.NEWSDUMP_E2E_EXT || c.ROOT);
const VIEWPORT = { width: 1440, height: 900 };

// Settings for legible pictures: no minimap, wrapped long lines (news dumps have
// paragraph-long lines), folding chevrons always visible.
const SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.fontSize': 13,
  'workbench.activityBar.location': 'default',
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  'breadcrumbs.enabled': true,
  'outline.collapseItems': 'alwaysExpand',
};

async function main() {
  c.requireBuilt('dist/extension.js', 'dist/server.js');
  if (!c.toolsInstalled()) throw new Error('e2e tools missing: run scripts/install-e2e.sh');
  const runDir = c.makeRunDir('shots');
  const OUT = CHECK ? path.join(runDir, 'shots') : OUT_ARG || path.join(c.ROOT, 'docs');
  fs.mkdirSync(OUT, { recursive: true });
  const ws = c.makeWorkspace(runDir);
  const file = path.join(ws, path.basename(c.SEED));
  let server;
  let browser;
  try {
    server = await startCodeServer(runDir, { settings: SETTINGS });
    browser = await launchBrowser(runDir);
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(30000);
    const shot = async (name) => {
      const p = path.join(OUT, name);
      await page.screenshot({ path: p });
      c.log(`saved ${path.relative(c.ROOT, p)}`);
    };

    await page.goto(workbenchUrl(server, { folder: ws, extPath: EXT_PATH, openFile: file }), { timeout: 60000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.monaco-editor .view-lines:has-text("Russia restricts")', { timeout: 60000 });
    c.log('workbench up, seed open');

    // 1. Problems panel (View: Toggle Problems = Ctrl+Shift+M) with the server's findings
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+Shift+M');
    const widgetRow = page.locator('.markers-panel .monaco-list-row:has-text("sponsored-widget")').first();
    await widgetRow.waitFor();
    // wait until the list stops growing (all diagnostics of the file are in)
    let rows = 0;
    await c.waitFor(async () => {
      const n = await page.locator('.markers-panel .monaco-list-row').count();
      const stable = n === rows && n > 1;
      rows = n;
      return stable;
    }, 'Problems list to settle', 15000, 300);
    c.log(`Problems panel: ${rows} rows`);
    await shot('problems.png');

    // 2. Quick fix: selecting the problem reveals the widget in the editor; focus the editor
    //    (Ctrl+. on a focused Problems row opens the panel's own menu) and open the menu.
    await widgetRow.click();
    await page.keyboard.press('Control+1'); // View: Focus First Editor Group
    await page.waitForSelector('.monaco-editor.focused');
    await page.keyboard.press('Control+Period'); // editor.action.quickFix
    await page.locator('.action-widget .monaco-list-row:has-text("Delete sponsored block")').waitFor();
    c.log('quick-fix menu shows "Delete sponsored block"');
    await shot('quickfix.png');
    await page.keyboard.press('Escape');

    // 3. Outline view. Room first: hide the panel (Ctrl+J) and collapse the Explorer's file
    //    list, then expand the Outline section (collapsed at the bottom of the Explorer).
    await page.keyboard.press('Control+j');
    await page.locator('.part.panel').waitFor({ state: 'hidden' });
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+Home');
    const folders = page.locator('.pane:has(.explorer-folders-view) .pane-header').first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const header = page.locator('.pane-header:has-text("Outline")').first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await page.locator('.outline-pane .monaco-list-row:has-text("Lavrov")').waitFor();
    // widen the side bar (drag its sash) so the headlines are readable
    const side = await page.locator('.part.sidebar').boundingBox();
    if (side) {
      const y = side.y + side.height / 2;
      await page.mouse.move(side.x + side.width + 1, y);
      await page.mouse.down();
      await page.mouse.move(side.x + 700, y, { steps: 8 });
      await page.mouse.up();
    }
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover tooltip in the picture
    const outline = (await page.locator('.outline-pane .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    c.log(`Outline: ${outline.length} rows\n         ${outline.map((s) => s.slice(0, 90)).join('\n         ')}`);
    await shot('outline.png');
  } catch (e) {
    // a picture of the moment it failed, next to the others; the run folder is kept
    if (browser) await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(OUT, 'failure.png') }).catch(() => {});
    c.log(`failure picture: ${path.join(OUT, 'failure.png')} (run folder ${runDir})`);
    throw e;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  console.log('gui: 3 passed, 0 failed');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  console.log('gui: 0 passed, 1 failed');
  process.exitCode = 1;
});
