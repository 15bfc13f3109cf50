// Keyboard-only use (issue 14): from page load, Tab alone walks ImGui's navigation cursor to the model
// picker, the scenario inputs, each tab and the Export button; Space selects a tab, Enter opens the
// export menu and Escape closes it. Where the cursor is comes from the test hook (navRect, ImGui's own
// record of it), compared with the rectangles the app reports for its named items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, loadApp, waitPaused } from './harness.mjs';

const shared = shareServerAndBrowser();

const TABS = ['Comparison', 'Layers', 'Charts', 'About the counting'];
const TARGETS = ['model picker', 'input:f', 'input:h', ...TABS.map((t) => `tab:${t}`), 'Export'];

const near = (a, b) => a && b && a.every((v, i) => Math.abs(v - b[i]) <= 2);

// The named items the navigation cursor is on now (usually one).
async function navOn(page, names) {
  return page.evaluate((names) => {
    const nav = Module.flopscope.navRect();
    if (!nav) return [];
    return names.filter((n) => {
      const r = Module.flopscope.itemRect(n);
      return r && r.every((v, i) => Math.abs(v - nav[i]) <= 2);
    });
  }, names);
}

async function press(page, key) {
  await page.keyboard.press(key);
  await waitPaused(page);
}

test('Tab from page load reaches the model picker, the scenario inputs, every tab and Export; Space and Enter activate', { timeout: 180000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url);
  await waitPaused(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the page has the keyboard at load');

  // Tab until every target has had the cursor, or the cursor came back to where it started.
  const reached = new Map();
  let first = null;
  for (let i = 1; i <= 150 && reached.size < TARGETS.length; ++i) {
    await press(page, 'Tab');
    const nav = await page.evaluate(() => Module.flopscope.navRect());
    assert.ok(nav, `no navigation cursor after ${i} Tab presses`);
    if (first && near(nav, first) && i > 2) break;
    first ??= nav;
    for (const n of await navOn(page, TARGETS)) if (!reached.has(n)) reached.set(n, i);
  }
  t.diagnostic(`reached after N Tab presses: ${[...reached].map(([n, i]) => `${n} ${i}`).join(', ')}`);
  assert.deepEqual(TARGETS.filter((n) => !reached.has(n)), [], 'Tab never reached these');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'Tab left the page');

  // Space on a tab selects it.
  const tabsBefore = await page.evaluate(() => Module.flopscope.selectedTabs());
  const target = TABS.find((l) => !tabsBefore.includes(l));
  for (let i = 0; i < 150 && !(await navOn(page, [`tab:${target}`])).length; ++i) await press(page, 'Tab');
  await press(page, 'Space');
  assert.ok((await page.evaluate(() => Module.flopscope.selectedTabs())).includes(target), `Space did not select ${target}`);

  // Enter on Export opens the export menu; Escape closes it.
  for (let i = 0; i < 150 && !(await navOn(page, ['Export'])).length; ++i) await press(page, 'Tab');
  assert.deepEqual(await navOn(page, ['Export']), ['Export']);
  await press(page, 'Enter');
  await page.waitForFunction(() => Module.flopscope.itemRect('export:CSV:Copy') !== null, null, { timeout: 5000 });
  await press(page, 'Escape');
  await press(page, 'Escape');
  assert.deepEqual(page.problems, []);
});
