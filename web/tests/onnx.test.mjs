// Importing an .onnx file in the page: through the hidden file input (what "Open ONNX…" opens), through a
// file dropped on the page (a synthetic DataTransfer drop), and from the button itself (the file chooser
// opens). The imported network must give the zoo model's numbers for the same export (resnet18 at 224:
// the ONNX fixtures' own tests prove the totals equal), the fixtures' reference MACs, and the parameter
// count of a BN-folded export written out below. A malformed file is refused with a reason and the
// previous state stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shareServerAndBrowser, openPage, loadApp, hook, waitPaused, runCli, repoRoot } from './harness.mjs';

const shared = shareServerAndBrowser();
const fixtures = join(repoRoot, 'tests', 'data', 'onnx');
const RESNET18 = join(fixtures, 'zoo', 'resnet18_224x224_op13.onnx');
const HANDMADE = join(fixtures, 'handmade_cnn_op17.onnx');

// resnet18 at 224×224 (torchvision): 1,814,073,344 MACs (tests/data/onnx/reference.txt, from PyTorch's
// hooks) and 11,689,512 parameters. The export folds each of its 20 batch norms into the conv before it:
// the BN's scale and shift (2 × C) go and the conv gains a bias (C), so the file has 11,689,512 − ΣC
// parameters, with ΣC = 64 (bn1) + 4·64 (layer1) + 5·128 + 5·256 + 5·512 (layer2-4, with downsample).
const RESNET18_MACS = 1_814_073_344;
const RESNET18_FOLDED_PARAMS = 11_689_512 - (64 + 4 * 64 + 5 * 128 + 5 * 256 + 5 * 512);
// The hand-made CNN at 67×45 (reference.txt): 3,861,632 MACs.
const HANDMADE_MACS = 3_861_632;

async function openApp(fragment = '') {
  const page = await openPage(shared.browser, { width: 1280, height: 800 });
  await loadApp(page, `${shared.server.url}index.html${fragment}`);
  await waitPaused(page);
  return page;
}

// Resolves to the import record once the import started by `start` has finished.
async function importedBy(page, start) {
  await page.evaluate(() => { Module.flopscopeImport.last = null; });
  await start();
  await page.waitForFunction(() => Module.flopscope.lastImport() !== null, null, { timeout: 20000, polling: 20 });
  await waitPaused(page);
  return page.evaluate(() => Module.flopscope.lastImport());
}

const viaInput = (page, file) => importedBy(page, () => page.setInputFiles('#flopscope-onnx-input', file));

// Drops bytes as a file named `name` on the canvas, as a file manager's drag and drop does.
const viaDrop = (page, name, bytes) => importedBy(page, () => page.evaluate(([n, b]) => {
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(b)], n));
  const canvas = document.querySelector('canvas');
  canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}, [name, Array.from(bytes)]));

const layerMacs = (results) => new Map(results.layers.filter((l) => l.macs > 0).map((l) => [l.name, l.macs]));

test('resnet18 from the file input equals the zoo model at 224, BN folded shown next to the parameters', async () => {
  const page = await openApp('#v=1&m=resnet18');
  const zoo = await hook.results(page);
  assert.equal(zoo.totals.macs, RESNET18_MACS);

  // The import module (the core's ONNX reader in its own wasm) is not part of the first load: the page
  // inserts its <script> when the first file arrives.
  const importModuleLoaded = () => page.evaluate(() =>
    typeof window.FlopscopeOnnx === 'function' || performance.getEntriesByType('resource').some((r) => /onnx_import\./.test(r.name)));
  assert.equal(await importModuleLoaded(), false);
  const rec = await viaInput(page, RESNET18);
  assert.equal(await importModuleLoaded(), true);
  assert.equal(rec.ok, true, rec.message);
  assert.equal(rec.file, 'resnet18_224x224_op13.onnx');
  assert.deepEqual(rec.unsupported, []);
  assert.equal(rec.batchnorm_folded, true);
  assert.equal(rec.folded_convs, 20);
  assert.equal(rec.note, 'BN folded into the convs (20)');
  assert.equal(rec.reading, false);

  const state = await hook.state(page);
  assert.equal(state.model, 'custom');
  const res = await hook.results(page);
  assert.equal(res.totals.macs, RESNET18_MACS);
  assert.equal(res.totals.macs, zoo.totals.macs);
  assert.equal(res.totals.params, RESNET18_FOLDED_PARAMS);
  // Every conv and the fc: the same MACs under the same module names as the zoo's layers.
  const mine = layerMacs(res), theirs = layerMacs(zoo);
  assert.equal(mine.size, 21);
  for (const [name, macs] of theirs) assert.equal(mine.get(name), macs, name);
  // The scenario and the rest of the page work on it as on a zoo model.
  assert.ok(res.scenario, 'the scenario is evaluated on the imported network');
  const mirror = await page.evaluate(() => Module.flopscope.textMirror());
  assert.ok(mirror, 'text mirror');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a dropped file imports with the file\'s input size; the button opens the file chooser', async () => {
  const page = await openApp();
  const rec = await viaDrop(page, 'handmade_cnn_op17.onnx', readFileSync(HANDMADE));
  assert.equal(rec.ok, true, rec.message);
  const res = await hook.results(page);
  assert.equal(res.totals.macs, HANDMADE_MACS);
  const state = await hook.state(page);
  assert.equal(state.model, 'custom');
  assert.deepEqual(res.input, [3, 67, 45]);  // the file's input, 3×67×45 (reference.txt)
  // The same numbers as the CLI's for the same file (`flopscope --onnx F --format json`), layer by layer,
  // with the same link; the CLI's JSON adds what it read of the file ("onnx").
  const r = runCli(['--onnx', HANDMADE, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const cli = JSON.parse(r.stdout);
  assert.ok(cli.onnx, 'the CLI says what it read');
  delete cli.onnx;
  // The page keeps its scenario on (the default), which the CLI's run without scenario options leaves off:
  // the same state, so the CLI given the page's link says exactly what the page says.
  const { scenario, link, ...pageResults } = res;
  const { link: cliLinkOfFile, ...fromFile } = cli;
  assert.deepEqual(pageResults, fromFile);
  assert.equal(cliLinkOfFile.replace('&scenario=0', ''), link.replace(/&(sc|scenario)=[^&]*/g, ''));
  const again = runCli(['--link', link, '--format', 'json']);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout), res);
  // Only the bytes the graph needs were fetched (the file is small: all of it, in one or two slices).
  assert.ok(rec.stats.bytesFetched <= rec.stats.fileBytes + 16384, JSON.stringify(rec.stats));

  // "Open ONNX…" opens the browser's file chooser.
  const rect = await page.evaluate(() => Module.flopscope.itemRect('Open ONNX'));  // DPR 1: CSS pixels
  assert.ok(rect, 'the button is drawn');
  const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
  await page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2, { delay: 60 });
  const fc = await chooser;
  const rec2 = await importedBy(page, () => fc.setFiles(RESNET18));
  assert.equal(rec2.ok, true, rec2.message);
  assert.equal((await hook.results(page)).totals.macs, RESNET18_MACS);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a truncated file and a file that is not ONNX are refused with a reason; the previous state stays', async () => {
  const page = await openApp('#v=1&m=resnet18');
  const before = await hook.state(page);
  const beforeResults = await hook.results(page);
  const bytes = readFileSync(RESNET18);

  const cut = await viaDrop(page, 'cut.onnx', bytes.subarray(0, 3000));
  assert.equal(cut.ok, false);
  assert.match(cut.message, /ends|truncat/i);
  let messages = JSON.parse(await page.evaluate(() => Module.flopscope.messages()));
  assert.ok(messages.some((m) => m.startsWith('Can\'t import cut.onnx: ')), JSON.stringify(messages));
  assert.deepEqual(await hook.state(page), before);
  assert.deepEqual(await hook.results(page), beforeResults);

  const text = await viaDrop(page, 'notes.onnx', Buffer.from('These are my notes, not a model.\n'));
  assert.equal(text.ok, false);
  assert.ok(text.message.length > 0);
  messages = JSON.parse(await page.evaluate(() => Module.flopscope.messages()));
  assert.ok(messages.some((m) => m.startsWith('Can\'t import notes.onnx: ')), JSON.stringify(messages));
  assert.deepEqual(await hook.state(page), before);

  // A good file after a bad one still imports.
  const ok = await viaInput(page, RESNET18);
  assert.equal(ok.ok, true, ok.message);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

// densenet121's layer list is far over the link budget (core/scenario_file.h: 2,000 characters).
const DENSENET121 = join(fixtures, 'zoo', 'densenet121_224x224_op13.onnx');

test('an import whose link is over 2,000 characters is saved as a scenario file, and Open… reads it back', { timeout: 90000 }, async () => {
  const page = await openApp();
  const rec = await viaInput(page, DENSENET121);
  assert.equal(rec.ok, true, rec.message);
  const imported = await hook.results(page);
  const link = await page.evaluate(() => location.hash);
  assert.ok(link.length > 2000, `the link is ${link.length} characters`);

  // The page says so and offers the file.
  const rect = await page.evaluate(() => Module.flopscope.itemRect('Save scenario'));  // DPR 1: CSS pixels
  assert.ok(rect, 'the button is drawn');
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2, { delay: 60 })]);
  assert.equal(download.suggestedFilename(), 'flopscope-scenario.json');
  const saved = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(saved);
  assert.equal(file.flopscope_scenario, 1);
  assert.equal(file.link, link);

  // Another model, then the file through "Open…" (the same file input as for .onnx): the same numbers.
  await page.evaluate(() => { location.hash = '#v=1&m=alexnet'; });
  await page.waitForFunction(() => JSON.parse(Module.flopscope.stateJson()).model === 'alexnet', null, { polling: 20 });
  await page.setInputFiles('#flopscope-onnx-input', { name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await page.waitForFunction(() => JSON.parse(Module.flopscope.stateJson()).model === 'custom', null, { polling: 20 });
  await waitPaused(page);
  assert.deepEqual(await hook.results(page), imported);

  // A broken scenario file is refused whole, with its reason; the state stays.
  const before = await hook.state(page);
  const bad = JSON.stringify({ flopscope_scenario: 1, link: '#v=1&m=no_such_model' });
  await page.setInputFiles('#flopscope-onnx-input', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await page.waitForFunction(() => JSON.parse(Module.flopscope.messages()).some((m) => m.startsWith("Can't open bad.json: ")),
                             null, { polling: 20 });
  assert.deepEqual(await hook.state(page), before);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
