// The page's exports, written by its lazily loaded module (src/web/import_module, core/documents.h): the
// module is not part of the first load and comes when an export menu opens; each export of the layer
// table and the results (CSV, Markdown, JSON, LaTeX; download and copy) is byte for byte what
// `flopscope --link <the page's link> --format …` prints, for a built-in model and for a network imported
// from an ONNX file; a chart saves as SVG and PNG; when the module cannot load, the page says so and the
// next click tries again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shareServerAndBrowser, openPage, loadApp, waitPaused, clickItem, runCli, repoRoot } from './harness.mjs';

const shared = shareServerAndBrowser();
const HANDMADE = join(repoRoot, 'tests', 'data', 'onnx', 'handmade_cnn_op17.onnx');

// The page's formats and the CLI's names for them (the CLI prints JSON with a newline after it).
const FORMATS = [
  { name: 'CSV', cli: 'csv', ext: 'csv', tail: '' },
  { name: 'Markdown', cli: 'md', ext: 'md', tail: '' },
  { name: 'JSON', cli: 'json', ext: 'json', tail: '\n' },
  { name: 'LaTeX', cli: 'latex', ext: 'tex', tail: '' },
];

function cli(link, format) {
  const r = runCli(['--link', link, '--format', format]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

async function openApp(fragment) {
  const page = await openPage(shared.browser, { width: 1280, height: 800 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadApp(page, `${shared.server.url}index.html${fragment}`);
  await waitPaused(page);
  return page;
}

const lazyModuleRequested = (page) => page.evaluate(() =>
  typeof window.FlopscopeOnnx === 'function' || performance.getEntriesByType('resource').some((r) => /onnx_import\./.test(r.name)));

// The file a click downloads: its suggested name and bytes.
async function downloadBy(page, item) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickItem(page, item)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// Every format downloaded and copied from the Export menu equals the CLI's output for the page's link.
async function checkExports(page, stem) {
  const link = await page.evaluate(() => location.hash);
  await clickItem(page, 'Export');
  for (const f of FORMATS) {
    const expected = cli(link, f.cli);
    assert.ok(expected.endsWith(f.tail) && expected.length > 100, `${f.cli}: ${expected.slice(0, 80)}`);
    const file = await downloadBy(page, `export:${f.name}:Download`);
    assert.equal(file.name, `${stem}.${f.ext}`);
    assert.equal(file.bytes.toString('utf8'), expected.slice(0, expected.length - f.tail.length), `${f.name} download`);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await clickItem(page, `export:${f.name}:Copy`);
    await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== ''), null, { timeout: 10000, polling: 50 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.slice(0, expected.length - f.tail.length),
                 `${f.name} copy`);
  }
  await page.keyboard.press('Escape');
  await waitPaused(page);
}

test('a built-in model: the module loads with the Export menu; every export is the CLI\'s bytes; charts save as SVG and PNG', { timeout: 180000 }, async () => {
  const page = await openApp('#v=1&m=resnet18&in=160&u=macs&sc=full');
  assert.equal(await lazyModuleRequested(page), false, 'the first load requested the lazily loaded module');
  await checkExports(page, 'flopscope-resnet18-full');
  assert.equal(await lazyModuleRequested(page), true);
  // resnet18 at 160×160: the first conv's 64 × 80×80 outputs × 7×7×3 = 60,211,200 MACs, in the CSV.
  const csv = cli(await page.evaluate(() => location.hash), 'csv');
  assert.ok(csv.includes('60211200'), csv.slice(0, 400));

  await clickItem(page, 'tab:Charts');
  await clickItem(page, 'payoff:save');
  const svg = await downloadBy(page, 'payoff:svg');
  assert.equal(svg.name, 'flopscope-payoff.svg');
  const text = svg.bytes.toString('utf8');
  assert.ok(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), text.slice(0, 80));
  assert.ok(text.includes('<title>Flopscope: where it pays off, resnet18</title>'));
  assert.ok(text.endsWith('</svg>\n'));
  await clickItem(page, 'fraction:save');
  const png = await downloadBy(page, 'fraction:png');
  assert.equal(png.name, 'flopscope-fraction.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a network imported from an ONNX file: every export is the CLI\'s bytes for the page\'s link', { timeout: 180000 }, async () => {
  const page = await openApp('');
  await page.setInputFiles('#flopscope-onnx-input', HANDMADE);
  await page.waitForFunction(() => JSON.parse(Module.flopscope.stateJson()).model === 'custom', null, { timeout: 20000, polling: 20 });
  await waitPaused(page);
  await checkExports(page, 'flopscope-custom-optimistic');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('on a device: the exports carry time, bytes, bound, energy and the verdict per layer, as the CLI writes them', { timeout: 180000 }, async () => {
  const page = await openApp('#v=1&m=resnet18&dev=t4&prec=fp16');
  const scenario = JSON.parse(await page.evaluate(() => Module.flopscope.stateJson())).scenario.name;
  await checkExports(page, `flopscope-resnet18-${scenario}`);
  // conv1 at FP16 on a T4: 2·(3·224·224 + 9,408 + 64·112·112) = 1,925,504 bytes in 1,925,504 / 320e9 s,
  // = 6.0172e-06 s (the JSON number format), memory-bound, cheaper to recompute (2·7·7·3/2 = 147 FLOP per
  // fetched byte, under the ridge 203.1).
  const csv = cli(await page.evaluate(() => location.hash), 'csv');
  assert.ok(csv.startsWith('index,name,kind,out_c,out_h,out_w,macs,flops,time_s,bytes,bound,energy_j,verdict,'), csv.slice(0, 200));
  assert.ok(csv.includes(`\n1,conv1,conv,64,112,112,118013952,236027904,6.0172e-06,1925504,memory,`), csv.slice(0, 400));
  assert.ok(csv.split('\n')[1].includes(',recompute,'), csv.split('\n')[1]);

  await clickItem(page, 'tab:Charts');
  await clickItem(page, 'roofline:save', 900);  // scrolled into view over the charts panel
  const svg = await downloadBy(page, 'roofline:svg');
  assert.equal(svg.name, 'flopscope-roofline.svg');
  assert.ok(svg.bytes.toString('utf8').startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('when the module cannot load, the export says so and the next click tries again', { timeout: 120000 }, async () => {
  const page = await openApp('#v=1&m=resnet18');
  await page.route(/onnx_import\.js$/, (route) => route.abort());
  await clickItem(page, 'Export');
  await clickItem(page, 'export:CSV:Download');
  await page.waitForFunction(() => JSON.parse(Module.flopscope.messages()).some((m) => m.startsWith('Could not export the CSV: ')),
                             null, { timeout: 10000, polling: 50 });
  const messages = JSON.parse(await page.evaluate(() => Module.flopscope.messages()));
  assert.ok(messages.includes("Could not export the CSV: the page's export module did not load (onnx_import.js did not load); " +
                              'check the connection and try again'), JSON.stringify(messages));
  await page.unroute(/onnx_import\.js$/);
  const file = await downloadBy(page, 'export:CSV:Download');
  assert.equal(file.bytes.toString('utf8'), cli('#v=1&m=resnet18', 'csv'));
  await page.closeAll();
});
