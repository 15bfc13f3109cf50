// The Zoo tab in the real page: it opens, its Params header sorts the models (rows move, read from the
// rectangles the app reports through Module.flopscope.itemRect), the search box filters, and a click on
// a model opens it in the calculator (read back through the test hook's stateJson) at its default crop.
// Screenshots of the tab: build/web-test/zoo-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, loadApp, hook, waitPaused, saveArtifact } from './harness.mjs';

const shared = shareServerAndBrowser();

// The rectangle of a named item in CSS pixels, or null when the last frame did not draw it.
async function rectOf(page, name) {
  await waitPaused(page);
  const dpr = await page.evaluate(() => devicePixelRatio);
  const rect = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
  return rect ? rect.map((v) => v / dpr) : null;
}

async function clickItem(page, name) {
  const rect = await rectOf(page, name);
  assert.ok(rect, `item "${name}" is not on screen`);
  const [x, y, w, h] = rect;
  await page.mouse.click(x + Math.min(w / 2, 40), y + h / 2, { delay: 60 });
  await waitPaused(page);
}

for (const size of [{ width: 1280, height: 720 }, { width: 800, height: 600 }]) {
  test(`the zoo view opens, sorts and opens a model (${size.width}x${size.height})`, { timeout: 90000 }, async (t) => {
    const page = await openPage(shared.browser, size);
    t.after(() => page.closeAll());
    await loadApp(page, shared.server.url);
    await waitPaused(page);

    await clickItem(page, 'tab:Zoo');
    assert.ok(await rectOf(page, 'zoo-head:Params'), 'the zoo table is drawn');
    assert.ok(await rectOf(page, 'zoo scatter') || size.height < 700, 'the scatter chart is drawn');
    await page.mouse.move(1, 1);
    await waitPaused(page);
    t.diagnostic(await saveArtifact(`zoo-${size.width}x${size.height}.png`, await page.locator('#canvas').screenshot()));

    // Only the ResNets, so every row is on screen.
    await clickItem(page, 'zoo search');
    await page.keyboard.type('resnet1');
    await page.keyboard.press('Enter');
    await waitPaused(page);
    assert.ok(await rectOf(page, 'zoo:resnet18'));
    assert.equal(await rectOf(page, 'zoo:vgg16'), null, 'the search filters vgg16 out');

    // Params: largest first (resnet152 above resnet18), then smallest first.
    await clickItem(page, 'zoo-head:Params');
    let big = await rectOf(page, 'zoo:resnet152');
    let small = await rectOf(page, 'zoo:resnet18');
    assert.ok(big && small);
    assert.ok(big[1] < small[1], `resnet152 (y ${big[1]}) above resnet18 (y ${small[1]}) by parameters, largest first`);
    await clickItem(page, 'zoo-head:Params');
    big = await rectOf(page, 'zoo:resnet152');
    small = await rectOf(page, 'zoo:resnet18');
    assert.ok(small[1] < big[1], 'smallest first after a second click');

    // A click on a model opens it in the calculator.
    await clickItem(page, 'zoo:resnet101');
    const state = await hook.state(page);
    assert.equal(state.model, 'resnet101');
    assert.deepEqual(state.input, [3, 224, 224]);
    const results = await hook.results(page);
    assert.equal(results.model, 'resnet101');
  });
}
