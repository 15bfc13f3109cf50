// tools/dist.sh (issue 14): dist/flopscope.html is one self-contained file that opens from file:// with
// no server — the seed notebook's numbers through the test hook, links through the fragment, an export
// (written by the lazily loaded module, which the file holds inline), and not one request beyond the
// file itself; dist/site/ holds the app, the docs example and embed.md. The
// script runs here on the current web build (--no-build) into build/web-test/dist.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openPage, hook, waitPaused, repoRoot, artifactsDir, runCli } from './harness.mjs';

const out = join(artifactsDir, 'dist');
let browser;
before(async () => {
  const r = spawnSync('bash', [join(repoRoot, 'tools', 'dist.sh'), '--no-build', out], { encoding: 'utf8', cwd: repoRoot });
  assert.equal(r.status, 0, r.stderr);
  browser = await launchBrowser();
});

test('dist/site holds the app, its ONNX import module, the docs example and embed.md', () => {
  assert.deepEqual(readdirSync(join(out, 'site')).sort(),
    ['embed.md', 'example-docs.html', 'index.html', 'index.js', 'index.wasm', 'onnx_import.js', 'onnx_import.wasm']);
  const single = readFileSync(join(out, 'flopscope.html'), 'utf8');
  assert.ok(!/src="index\.js"|href="index\.wasm"/.test(single), 'the single file still loads index.js or index.wasm');
});

test('dist/flopscope.html opens from file:// with the default numbers, and links work', { timeout: 90000 }, async (t) => {
  t.after(() => browser.close());
  const page = await openPage(browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(join(out, 'flopscope.html')).href;
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.flopscopeReady.then(() => true));
  await waitPaused(page);
  const r = await hook.results(page);
  assert.equal(r.model, 'resnet18_seed');
  assert.equal(r.totals.flops, 2779348992);
  assert.equal(r.scenario.total_flops, 2779348992 * 1.3);
  assert.equal(r.scenario.percent_of_baseline, 130);

  // A link opened in the file (hashchange), then the file opened on a link.
  await page.evaluate(() => { location.hash = '#v=1&m=resnet18&h=0.9'; });
  await page.waitForFunction(() => JSON.parse(Module.flopscope.stateJson()).model === 'resnet18');
  let res = await hook.results(page);
  assert.equal(res.totals.macs, 1814073344);
  assert.equal(res.scenario.parameters.hit_rate, 0.9);
  await page.goto(`${url}#v=1&m=resnet50&sc=full`, { waitUntil: 'load' });
  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => window.flopscopeReady.then(() => true));
  res = await hook.results(page);
  assert.equal(res.model, 'resnet50');
  assert.equal(res.scenario.total_flops, res.scenario.baseline_flops / 2);
  assert.ok(page.url().startsWith('file://'));

  // An export: the module inside the file writes the CLI's bytes.
  await waitPaused(page);
  const click = async (name) => {
    const [x, y, w, h] = await page.evaluate((n) => Module.flopscope.itemRect(n), name);  // DPR 1: CSS pixels
    await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
    await waitPaused(page);
  };
  await click('Export');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), click('export:CSV:Download')]);
  assert.equal(download.suggestedFilename(), 'flopscope-resnet50-full.csv');
  assert.equal(readFileSync(await download.path(), 'utf8'), runCli(['--link', '#v=1&m=resnet50&sc=full', '--format', 'csv']).stdout);
  assert.deepEqual(requests.filter((u) => !u.startsWith(url.split('#')[0]) && !u.startsWith('data:')), []);
  assert.deepEqual(page.problems, []);
});
