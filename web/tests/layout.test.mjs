// Screenshots of the whole page at phone (360, 390 at a device pixel ratio of 3, 430 px), tablet (768 px)
// and desktop (800×600, 1280×720) sizes, for the default state, mobilenet_v2 in cascade mode (four scenario
// columns) and resnet152, on the first tab and on the Charts tab (build/web-test/layout-*.png), for a
// person to look at. That nothing is cut off or overlaps is checked exactly by the headless UI tests
// (tests/ui/layout_test.cpp); here the page must load at each size with the state of its link and no
// console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, loadApp, hook, waitPaused, saveArtifact } from './harness.mjs';

const shared = shareServerAndBrowser();

const SIZES = [
  { width: 360, height: 780, deviceScaleFactor: 1 },
  { width: 390, height: 844, deviceScaleFactor: 3 },
  { width: 430, height: 932, deviceScaleFactor: 1 },
  { width: 768, height: 1024, deviceScaleFactor: 1 },
  { width: 800, height: 600, deviceScaleFactor: 1 },
  { width: 1280, height: 720, deviceScaleFactor: 1 },
];

const STATES = [
  { name: 'default', fragment: '', model: 'resnet18_seed' },
  { name: 'mobilenet-cascade', fragment: '#v=1&m=mobilenet_v2&sc=custom&mode=cascade', model: 'mobilenet_v2' },
  { name: 'resnet152', fragment: '#v=1&m=resnet152', model: 'resnet152' },
];

// Taps the centre of a named item (touch taps select tabs reliably) and waits for the page to settle.
async function tapItem(page, name) {
  await waitPaused(page);
  const dpr = await page.evaluate(() => devicePixelRatio);
  const rect = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
  assert.ok(rect, `item "${name}" is drawn`);
  const [x, y, w, h] = rect.map((v) => v / dpr);
  await page.touchscreen.tap(x + w / 2, y + h / 2);
  await waitPaused(page);
}

async function shoot(page, name) {
  await waitPaused(page);
  return saveArtifact(name, await page.screenshot());
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}${size.deviceScaleFactor > 1 ? `@${size.deviceScaleFactor}x` : ''}`;
  test(`layout screenshots at ${tag}`, { timeout: 120000 }, async (t) => {
    for (const state of STATES) {
      const page = await openPage(shared.browser, { ...size, hasTouch: true });
      try {
        await loadApp(page, `${shared.server.url}index.html${state.fragment}`);
        await waitPaused(page);
        assert.equal((await hook.state(page)).model, state.model);
        t.diagnostic(await shoot(page, `layout-${tag}-${state.name}.png`));
        await tapItem(page, 'tab:Charts');
        t.diagnostic(await shoot(page, `layout-${tag}-${state.name}-charts.png`));
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  });
}
