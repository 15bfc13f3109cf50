// Readable without the canvas (issue 14): the page and every embed keep the page in words in the DOM —
// the model, the headline numbers and the results sentences in an aria-live region, the comparison of
// scenarios as a real <table> — updated after each finished edit. Its numbers are checked against the
// test hook's and against arithmetic written out here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, loadApp, hook, waitPaused } from './harness.mjs';

const shared = shareServerAndBrowser();

// The mirror as the DOM has it: the live region's lines and the table's cells (text and exact value).
const readMirror = (target) => target.evaluate(() => {
  const live = document.getElementById('mirror-live');
  const table = document.getElementById('mirror-table');
  const cells = (tr) => [...tr.children].map((c) => ({ text: c.textContent, value: c.dataset.value }));
  return {
    ariaLive: live.getAttribute('aria-live'),
    lines: [...live.querySelectorAll('p, li')].map((e) => e.textContent),
    caption: table.caption ? table.caption.textContent : null,
    columns: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: Object.fromEntries([...table.querySelectorAll('tbody tr')].map((tr) => [tr.cells[0].textContent, cells(tr).slice(1)])),
    offscreen: (() => { const r = document.getElementById('mirror').getBoundingClientRect(); return r.width <= 1 && r.height <= 1; })(),
  };
});

// "2.7793 GFLOPs": the app's 4-decimal scaling, written out.
const gflops = (v) => `${(v / 1e9).toFixed(4)} GFLOPs`;

test('the page in words matches the test hook and follows a finished edit', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await loadApp(page, shared.server.url);
  await waitPaused(page);
  const r = await hook.results(page);
  let m = await readMirror(page);
  assert.equal(m.ariaLive, 'polite');
  assert.ok(m.offscreen, 'the mirror takes space on the page');

  // The seed notebook's optimistic scenario: 2,779,348,992 FLOPs before, 1.3 × that after.
  assert.equal(r.scenario.baseline_flops, 2779348992);
  assert.equal(r.scenario.total_flops, 2779348992 * 1.3);
  assert.equal(m.lines[0], `Flopscope: ${r.model}, ${r.layers.length} layers, input 3×224×224.`);
  assert.deepEqual(m.lines.slice(1, 5), [
    `Baseline (no caching): ${gflops(r.scenario.baseline_flops)}`,   // 2.7793 GFLOPs
    `With caching: ${gflops(r.scenario.total_flops)}`,               // 3.6132 GFLOPs
    'Of the baseline: 130.00 %',
    `Saving: ${gflops(r.scenario.saved_flops)}`,                     // -0.8338 GFLOPs
  ]);
  assert.equal(m.lines[5], 'Caching costs 30.00 % more than not caching.');
  assert.match(m.lines[6], /^Pays off only when more than 50 % of output channels are cached at a 100 % hit rate/);

  // The table: the three presets, the optimistic one in use; exact values behind the texts.
  assert.equal(m.caption, 'Caching scenarios compared, per inference');
  assert.deepEqual(m.columns, ['', 'optimistic (in use)', 'realistic', 'full']);
  const after = m.rows['FLOPs after caching'];
  assert.deepEqual(after.map((c) => Number(c.value)), [r.scenario.total_flops, 2779348992 * 1.5, 2779348992 / 2]);
  assert.deepEqual(after.map((c) => c.text), [gflops(2779348992 * 1.3), gflops(2779348992 * 1.5), gflops(2779348992 / 2)]);
  assert.deepEqual(m.rows['FLOPs before caching'].map((c) => Number(c.value)), [2779348992, 2779348992, 2779348992]);
  assert.deepEqual(m.rows['% of the baseline'].map((c) => c.text), ['130.00 %', '150.00 %', '50.00 %']);
  assert.equal(Number(m.rows['FLOPs still computed'][0].value), r.scenario.computed_flops);
  assert.equal(Number(m.rows['Student model'][0].value), r.scenario.student_flops);
  assert.equal(Number(m.rows['Lookup'][0].value), r.scenario.lookup_flops);
  assert.equal(Number(m.rows['FLOPs saved'][0].value), r.scenario.saved_flops);
  // Nothing of it is computed in the page: it is exactly the app's textMirror().
  const fromHook = await page.evaluate(() => Module.flopscope.textMirror());
  assert.deepEqual(m.columns, fromHook.columns);
  assert.deepEqual(m.lines.slice(1, 5), fromHook.headline.map((f) => `${f.label}: ${f.text}`));

  // Use the full-caching column: once the edit is finished the address and the words change together.
  const dpr = await page.evaluate(() => devicePixelRatio);
  const [x, y, w, h] = (await page.evaluate(() => Module.flopscope.itemRect('use:full'))).map((v) => v / dpr);
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await waitPaused(page);
  assert.match(await page.evaluate(() => location.hash), /sc=full/);
  const full = await hook.results(page);
  m = await readMirror(page);
  assert.equal(full.scenario.total_flops, 2779348992 / 2);
  assert.equal(m.lines[2], `With caching: ${gflops(full.scenario.total_flops)}`);
  assert.equal(m.lines[5], 'Caching saves 50.00 % of the FLOPs.');
  assert.deepEqual(m.columns, ['', 'optimistic', 'realistic', 'full (in use)']);

  // A link opened in the page (hashchange): the words follow.
  await page.evaluate(() => { location.hash = '#v=1&m=resnet18&scenario=0'; });
  await page.waitForFunction(() => /resnet18,/.test(document.getElementById('mirror-live').textContent));
  await waitPaused(page);
  const net = await hook.results(page);
  m = await readMirror(page);
  assert.equal(net.totals.flops, 2 * 1814073344);
  assert.deepEqual(m.lines.slice(1, 4), [
    `FLOPs per inference: ${gflops(net.totals.flops)}`,  // 3.6281 GFLOPs
    'Parameters: 11.69 M',
    `Activations (FP32): ${(net.totals.activation_elements * 4 / 1e6).toFixed(2)} MB`,
  ]);
  assert.deepEqual(page.problems, []);
});

test('an embed keeps its own words', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 800, height: 600 });
  t.after(() => page.closeAll());
  await page.setContent(`<iframe src="${shared.server.url}index.html#v=1&amp;m=resnet50&amp;sc=full&amp;embed=1&amp;show=f,h" ` +
                        'width="700" height="460" style="border:0"></iframe>');
  const frame = page.frames()[1];
  await frame.waitForFunction(() => window.flopscopeReady !== undefined);
  await frame.evaluate(() => window.flopscopeReady.then(() => true));
  await waitPaused(frame);
  const r = await hook.results(frame);
  const m = await readMirror(frame);
  assert.equal(r.model, 'resnet50');
  assert.equal(r.scenario.total_flops, r.scenario.baseline_flops / 2);
  assert.match(m.lines[0], /^Flopscope: resnet50, /);
  assert.equal(m.lines[2], `With caching: ${gflops(r.scenario.total_flops)}`);
  assert.equal(Number(m.rows['FLOPs after caching'][2].value), r.scenario.total_flops);
  assert.deepEqual(page.problems, []);
});
