// Smoke test of the web build: the page loads without a console error or failed request, renders
// real pixels, answers the embind test hook, idles at zero frames and wakes on input, and is sharp at
// devicePixelRatio 2, and offers a restart when the browser takes the WebGL context away. Saves
// build/web-test/smoke.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  shareServerAndBrowser, openPage, loadApp, hook, waitPaused, framesCausedBy, sleep, saveArtifact, decodePng,
  distinctColors,
} from './harness.mjs';

const shared = shareServerAndBrowser();

test('page loads, renders, answers the test hook and idles', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 800, height: 600 });
  t.after(() => page.closeAll());
  const started = Date.now();
  await loadApp(page, shared.server.url);
  t.diagnostic(`ready after ${Date.now() - started} ms`);

  await t.test('the canvas shows rendered pixels', async () => {
    await waitPaused(page);
    const png = await page.locator('#canvas').screenshot();
    const path = await saveArtifact('smoke.png', png);
    const img = decodePng(png);
    assert.equal(img.width, 800);
    assert.equal(img.height, 600);
    const colors = distinctColors(img);
    t.diagnostic(`${path}: ${img.width}x${img.height}, ${colors} distinct colours`);
    assert.ok(colors >= 16, `expected text and widgets on the canvas, found ${colors} colour(s)`);
  });

  await t.test('Module.flopscope answers with JSON', async () => {
    const state = await hook.state(page);
    const results = await hook.results(page);
    assert.equal(typeof state, 'object');
    assert.ok(state !== null && Object.keys(state).length > 0, 'stateJson() is an empty object');
    assert.equal(typeof results, 'object');
    assert.ok(results !== null && Object.keys(results).length > 0, 'resultsJson() is an empty object');
    assert.equal(await page.evaluate(() => Module.flopscope.ready), true);
  });

  await t.test('the render loop pauses when idle and wakes on mouse move', async () => {
    await waitPaused(page);
    const idleStart = await hook.frameCount(page);
    await sleep(1000);
    const idleEnd = await hook.frameCount(page);
    t.diagnostic(`idle: ${idleEnd - idleStart} frames in 1 s`);
    assert.equal(idleEnd, idleStart, 'frames were rendered while idle');

    await page.mouse.move(200, 200);
    await page.mouse.move(260, 240, { steps: 4 });
    await page.waitForFunction((n) => Module.flopscope.frameCount() > n, idleEnd, { timeout: 5000 });
    await waitPaused(page);
    const afterMove = await hook.frameCount(page);
    t.diagnostic(`mouse move: ${afterMove - idleEnd} frames, then paused again`);
    await sleep(500);
    assert.equal(await hook.frameCount(page), afterMove, 'frames were rendered after settling');
  });

  await t.test('no console errors, warnings or failed requests', () => {
    assert.deepEqual(page.problems, []);
  });
});

test('high-DPI: the canvas backing store is CSS size x devicePixelRatio', { timeout: 60000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 640, height: 480, deviceScaleFactor: 2 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url);
  await waitPaused(page);
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
  });
  assert.deepEqual(size, { w: 1280, h: 960, cssW: 640, cssH: 480 });
  assert.deepEqual(page.problems, []);
});

test('the window resizes the canvas and wakes the loop', { timeout: 60000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 800, height: 600 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url);
  await waitPaused(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1000, null, { timeout: 5000 });
  await waitPaused(page);
  // Playwright's setViewportSize also sets the screen to 1000x700: a canvas of exactly the screen's size
  // is an ordinary size (Emscripten 3.1.6's GLFW requested fullscreen for it; the page has no GLFW).
  assert.equal(await page.evaluate(() => document.getElementById('canvas').height), 700);
  assert.deepEqual(page.problems, []);
});

test('every input source wakes the paused loop, which then pauses again', { timeout: 60000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 800, height: 600, hasTouch: true });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url);
  // The wheel reaches ImGui where it has something to scroll: the results below the tabs.
  await page.mouse.move(400, 400);
  await waitPaused(page);
  assert.ok(await page.evaluate(() => Module.flopscopeWants.wheel & 2), 'nothing to scroll down at (400, 400)');
  const sources = {
    'mouse wheel': () => page.mouse.wheel(0, 120),
    'key press': () => page.keyboard.press('Shift'),
    'touch tap': () => page.touchscreen.tap(400, 500),
    'paste event': () => page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'pasted');
      document.getElementById('canvas').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }),
    'hashchange': () => page.evaluate(() => { location.hash = 'v=1'; }),
  };
  for (const [name, action] of Object.entries(sources)) {
    const frames = await framesCausedBy(page, action);
    t.diagnostic(`${name}: ${frames} frames`);
    assert.ok(frames > 0 && frames < 200, `${name}: ${frames} frames`);
  }
  // Over the header nothing scrolls: the wheel is the page's (in an iframe, the host page's), and the
  // app draws nothing.
  await page.mouse.move(400, 10);
  await waitPaused(page);
  const before = await hook.frameCount(page);
  await page.mouse.wheel(0, 120);
  await sleep(300);
  assert.equal(await hook.frameCount(page), before, 'a wheel turn with nothing to scroll drew frames');
  assert.deepEqual(page.problems, []);
});

test('a lost WebGL context offers a restart that restores the scenario from the address', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 800, height: 600 });
  t.after(() => page.closeAll());
  const link = '#v=1&m=resnet50&f=0.35';
  await loadApp(page, shared.server.url + link);
  await waitPaused(page);
  const before = await hook.state(page);

  // What the browser does to the oldest of too many live contexts (WEBGL_lose_context simulates it).
  await page.evaluate(() => document.getElementById('canvas').getContext('webgl2')
    .getExtension('WEBGL_lose_context').loseContext());
  const restart = page.locator('#status-restart');
  await restart.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await page.locator('#status-text').textContent(), /graphics context/);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').classList.contains('ready')), false);

  await Promise.all([page.waitForEvent('load'), restart.click()]);
  await page.waitForFunction(() => window.flopscopeReady !== undefined);
  await page.evaluate(() => window.flopscopeReady.then(() => true));
  assert.ok(page.url().endsWith(link), `the restart kept the address: ${page.url()}`);
  assert.deepEqual(await hook.state(page), before);
  assert.equal(await page.locator('#status').isHidden(), true);
  assert.deepEqual(page.problems, []);
});
