// The web calculator driven in the real page: the seed notebook's numbers on first open, presets and
// a model change through clicks at the rectangles the app reports (Module.flopscope.itemRect) and through
// the URL fragment, a custom network edited in place, the fragment following finished edits, and
// screenshots of the default view, a custom network and the dark theme at 1280×720 and 800×600
// (build/web-test/ui-*.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, loadApp, hook, waitPaused, saveArtifact } from './harness.mjs';

const shared = shareServerAndBrowser();

const SIZES = [{ width: 1280, height: 720 }, { width: 800, height: 600 }];

// The rectangle of a named item, scrolling the view under the pointer (wheel) until it is fully on
// screen. Device pixels → CSS pixels.
async function revealItem(page, name) {
  const { dpr, height } = await page.evaluate(() => ({ dpr: devicePixelRatio, height: innerHeight }));
  for (let i = 0; i < 20; ++i) {
    await waitPaused(page);
    const rect = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
    if (rect && (rect[1] + rect[3]) / dpr <= height) return rect.map((v) => v / dpr);
    await page.mouse.move(400, height / 2);
    await page.mouse.wheel(0, 120);
  }
  assert.fail(`item "${name}" is not on screen`);
}

// Clicks the centre of a named item (as a person does: press, a short hold, release) and waits until
// the page has settled again.
async function clickItem(page, name) {
  const [x, y, w, h] = await revealItem(page, name);
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await waitPaused(page);
}

// Sets the URL fragment as a user pasting a link would (hashchange) and waits for the page to settle.
async function openFragment(page, fragment) {
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction((f) => JSON.parse(Module.flopscope.stateJson()) && location.hash === f, fragment);
  await page.waitForFunction(() => Module.flopscope.frameCount() > 0);
  await waitPaused(page);
}

async function screenshot(page, name) {
  await waitPaused(page);
  // Park the pointer in a corner so no tooltip or hover highlight is captured.
  await page.mouse.move(1, 1);
  await waitPaused(page);
  const png = await page.locator('#canvas').screenshot();
  return saveArtifact(name, png);
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;

  test(`the seed notebook's numbers on first open (${tag})`, { timeout: 90000 }, async (t) => {
    const page = await openPage(shared.browser, size);
    t.after(() => page.closeAll());
    await loadApp(page, shared.server.url);
    await waitPaused(page);

    const state = await hook.state(page);
    assert.equal(state.model, 'resnet18_seed');
    const r = await hook.results(page);
    assert.equal(r.model, 'resnet18_seed');
    assert.equal(r.layers.length, 13);
    assert.equal(r.totals.flops, 2779348992);
    assert.equal(r.totals.macs, 1389674496);
    assert.equal(r.scenario.name, 'optimistic');
    assert.equal(r.scenario.baseline_flops, 2779348992);
    assert.equal(r.scenario.total_flops, 3613153689.6);
    assert.equal(r.scenario.percent_of_baseline, 130);
    // The comparison of the three presets is on screen from the start (its column headers).
    for (const preset of ['optimistic', 'realistic', 'full']) {
      assert.ok(await page.evaluate((p) => Module.flopscope.itemRect(`compare:${p}`), preset),
        `the comparison's "${preset}" column is not visible`);
    }
    t.diagnostic(await screenshot(page, `ui-default-${tag}.png`));
    assert.deepEqual(page.problems, []);
  });

  test(`presets and a model change, by clicking and by link (${tag})`, { timeout: 90000 }, async (t) => {
    const page = await openPage(shared.browser, size);
    t.after(() => page.closeAll());
    await loadApp(page, shared.server.url);

    // The comparison table's buttons switch the scenario: full caching is 50 %, realistic 150 %.
    await clickItem(page, 'use:full');
    let r = await hook.results(page);
    assert.equal(r.scenario.name, 'full');
    assert.equal(r.scenario.total_flops, 1389674496);
    assert.equal(r.scenario.percent_of_baseline, 50);
    assert.match(await page.evaluate(() => location.hash), /sc=full/);

    await clickItem(page, 'use:realistic');
    r = await hook.results(page);
    assert.equal(r.scenario.total_flops, 4169023488);
    assert.equal(r.scenario.percent_of_baseline, 150);

    // A link to the full ResNet-18 with a 90 % hit rate.
    await openFragment(page, '#v=1&m=resnet18&h=0.9');
    const state = await hook.state(page);
    assert.equal(state.model, 'resnet18');
    r = await hook.results(page);
    assert.equal(r.totals.macs, 1814073344);
    assert.equal(r.totals.params, 11689512);
    assert.equal(r.scenario.parameters.hit_rate, 0.9);
    assert.deepEqual(page.problems, []);
  });

  test(`a custom network edited in place (${tag})`, { timeout: 90000 }, async (t) => {
    const page = await openPage(shared.browser, size);
    t.after(() => page.closeAll());
    await loadApp(page, shared.server.url);
    await waitPaused(page);
    if (!(await page.evaluate(() => Module.flopscope.itemRect('Edit a copy')))) await clickItem(page, 'tab:Model');
    await clickItem(page, 'Edit a copy');
    let state = await hook.state(page);
    assert.equal(state.model, 'custom');
    assert.equal(state.custom_layers, 13);

    // Add a layer: a 3×3 convolution 256 → 256 at 14×14 = 231,211,008 FLOPs more.
    await clickItem(page, 'Add layer');
    state = await hook.state(page);
    assert.equal(state.custom_layers, 14);
    const r = await hook.results(page);
    assert.equal(r.layers.length, 14);
    assert.equal(r.totals.flops, 2779348992 + 231211008);
    assert.match(await page.evaluate(() => location.hash), /m=custom/);

    // Type a new C_out for conv1 (64 → 32 halves its 236,027,904 FLOPs); 0 is rejected and changes nothing.
    await clickItem(page, 'layer.0.C_out');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await waitPaused(page);
    assert.equal((await hook.results(page)).totals.flops, 2779348992 + 231211008);
    await clickItem(page, 'layer.0.C_out');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('32');
    await page.keyboard.press('Enter');
    await waitPaused(page);
    assert.equal((await hook.results(page)).totals.flops, 2779348992 + 231211008 - 118013952);
    t.diagnostic(await screenshot(page, `ui-custom-${tag}.png`));
    assert.deepEqual(page.problems, []);
  });

  test(`dark theme (${tag})`, { timeout: 90000 }, async (t) => {
    const page = await openPage(shared.browser, { ...size, colorScheme: 'dark' });
    t.after(() => page.closeAll());
    await loadApp(page, shared.server.url);
    await waitPaused(page);
    // The theme follows the browser's preference by default; the numbers are the seed's.
    const r = await hook.results(page);
    assert.equal(r.scenario.total_flops, 3613153689.6);
    t.diagnostic(await screenshot(page, `ui-dark-${tag}.png`));
    assert.deepEqual(page.problems, []);
  });
}

test('Copy link puts the page URL for this state on the clipboard; exports download', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadApp(page, shared.server.url);
  await clickItem(page, 'use:full');
  await clickItem(page, 'Copy link');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href));
  assert.match(copied, /#v=1&.*sc=full/);

  await clickItem(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'export:CSV:Download')]);
  assert.equal(download.suggestedFilename(), 'flopscope-resnet18_seed-full.csv');
  assert.deepEqual(page.problems, []);
});

test('charts and the embed view', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url + '#v=1&m=resnet18');
  await clickItem(page, 'tab:Charts');
  const r = await hook.results(page);
  // The break-even point the cost-vs-f chart marks: f* = σ/ρh = 50 % of the touched layers.
  assert.equal(r.scenario.break_even_cached_fraction, 0.5);
  t.diagnostic(await screenshot(page, 'ui-charts-1280x720.png'));

  // The embed view for an iframe, with the cached fraction and hit rate exposed.
  await page.setViewportSize({ width: 640, height: 420 });
  await openFragment(page, '#v=1&embed=1&show=f,h');
  const state = await hook.state(page);
  assert.equal(state.view.embed, true);
  assert.ok(await page.evaluate(() => Module.flopscope.itemRect('slider:f')), 'the exposed f slider is not drawn');
  assert.equal(await page.evaluate(() => Module.flopscope.itemRect('Copy link')), null, 'the full header is drawn');
  t.diagnostic(await screenshot(page, 'ui-embed-640x420.png'));
  assert.deepEqual(page.problems, []);
});

test('on a touch screen a text field brings up the on-screen keyboard and takes what is typed', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 640, height: 420, hasTouch: true });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url + '#v=1&embed=1&show=f,h');
  await waitPaused(page);
  const typing = () => page.evaluate(() => document.activeElement && document.activeElement.id === 'flopscope-keyboard');
  const dpr = await page.evaluate(() => devicePixelRatio);
  const [x, y, w, h] = (await page.evaluate(() => Module.flopscope.itemRect('input:f'))).map((v) => v / dpr);

  // A mouse click edits the field with the physical keyboard: no on-screen keyboard.
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await waitPaused(page);
  assert.equal(await typing(), false, 'a mouse click focused the on-screen keyboard field');
  await page.keyboard.press('Escape');
  await waitPaused(page);

  // A tap: the hidden field takes the focus (that is what raises a phone's keyboard), decimal keys.
  await page.touchscreen.tap(x + w / 2, y + h / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'flopscope-keyboard',
                             null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement.inputMode), 'decimal');

  // Editing keys arrive as keydown, text as input events ("20" → "" → "359" → "35").
  await page.keyboard.press('End');
  for (let i = 0; i < 4; ++i) await page.keyboard.press('Backspace');
  await page.keyboard.insertText('359');
  // A keyboard whose keydown says only "Unidentified" deletes through the input event.
  await page.evaluate(() => {
    const ta = document.getElementById('flopscope-keyboard');
    ta.value = '';
    ta.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward' }));
  });
  await page.keyboard.press('Enter');
  await waitPaused(page);
  assert.equal((await hook.state(page)).scenario.cached_fraction, 0.35);
  // Enter ended the edit, so the hidden field let go (the keyboard closes).
  await page.waitForFunction(() => document.activeElement === document.getElementById('canvas'), null, { timeout: 5000 });
  assert.deepEqual(page.problems, []);
});

// A quick click (move, press and release with no pause, as Playwright's mouse.click sends them) that
// arrives with the pointer's first move onto a tab. All three reach the idle page before its next
// frame; the press must still select the tab (src/web/press_after_move.cpp).
test('quick clicks alternating between the Layers and Charts tabs switch every time', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url);
  await waitPaused(page);
  const dpr = await page.evaluate(() => devicePixelRatio);
  const centre = async (name) => {
    const r = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
    assert.ok(r, `no item "${name}"`);
    return [(r[0] + r[2] / 2) / dpr, (r[1] + r[3] / 2) / dpr];
  };
  let switched = 0;
  for (let i = 0; i < 16; ++i) {
    const label = i % 2 === 0 ? 'Layers' : 'Charts';
    const [x, y] = await centre(`tab:${label}`);
    await waitPaused(page);
    await page.mouse.click(x, y);
    await waitPaused(page);
    const selected = await page.evaluate(() => Module.flopscope.selectedTabs());
    if (selected.includes(label)) ++switched;
    else t.diagnostic(`click ${i + 1} on ${label} was lost (selected: ${selected.join(', ')})`);
  }
  t.diagnostic(`${switched} of 16 clicks switched the tab`);
  assert.equal(switched, 16);
  assert.deepEqual(page.problems, []);
});

// Numbers typed into ImGui's own fields go through the C library's sscanf, which on the page is ours
// (src/web/libc_scan.cpp, on the core's correctly rounded read_decimal): Ctrl+click on a slider turns it
// into a text field ("%lf"), and the field beside it takes a typed percent.
test('a number typed into a slider after Ctrl+click, and into the field beside it', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url + '#v=1&embed=1&show=f,h');
  await waitPaused(page);
  const [x, y, w, h] = await revealItem(page, 'slider:f');
  await page.keyboard.down('Control');
  await page.mouse.click(x + w / 4, y + h / 2, { delay: 60 });
  await page.keyboard.up('Control');
  await waitPaused(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.25e1');  // 12.5 %
  await page.keyboard.press('Enter');
  await waitPaused(page);
  assert.equal((await hook.state(page)).scenario.cached_fraction, 0.125);

  // 33.3 is no exact double: the page must read the nearest one, as JavaScript does, then divide by 100.
  await clickItem(page, 'input:f');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('33.3');
  await page.keyboard.press('Enter');
  await waitPaused(page);
  assert.equal((await hook.state(page)).scenario.cached_fraction, 33.3 / 100);
  assert.deepEqual(page.problems, []);
});
