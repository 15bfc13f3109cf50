// Time and energy on a device in the real page (issue 13): the device picker and the precision buttons
// put `dev` and `prec` into the link; the page's results then equal `flopscope --device … --precision …
// --format json` (the same core function), and opening the link afresh brings back the same time and
// energy through the test hook.
//
// The CLI is the native build's (build/native/src/cli/flopscope; tools/test.sh builds it first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, openFresh, clickItem, hook, runCli } from './harness.mjs';

const shared = shareServerAndBrowser();

// The time and energy numbers of a results document: the totals, and each layer's.
const timeAndEnergy = (r) => ({
  totals: { time_s: r.totals.time_s, energy_j: r.totals.energy_j, bytes: r.totals.bytes, bound: r.totals.bound },
  layers: r.layers.map((l) => [l.name, l.time_s, l.energy_j, l.bytes, l.bound]),
});

test('the device picker and precision go into the link; the link brings the same time and energy back', { timeout: 180000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  // scenario=0: the network alone, as the CLI reports it without --scenario.
  await openFresh(page, `${shared.server.url}index.html#v=1&m=resnet18&scenario=0`);
  const none = await hook.results(page);
  assert.equal(none.totals.time_s, undefined, 'no device chosen: no time');
  assert.equal(none.device, undefined);

  await clickItem(page, 'device picker');
  await clickItem(page, 'device:t4');
  await clickItem(page, 'precision:FP16');
  const state = await hook.state(page);
  const link = await page.evaluate(() => location.hash);
  assert.equal(state.link, link, 'the fragment follows the state');
  assert.match(link, /(^#|&)dev=t4(&|$)/);
  assert.match(link, /(^#|&)prec=fp16(&|$)/);

  // The page's results are the CLI's for the same model, device and precision, to the last digit.
  const shown = await hook.results(page);
  const cli = runCli(['--model', 'resnet18', '--device', 't4', '--precision', 'fp16', '--format', 'json']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(shown, JSON.parse(cli.stdout));
  assert.equal(typeof shown.totals.time_s, 'number');
  assert.ok(shown.totals.time_s > 0 && shown.totals.energy_j > 0);
  assert.ok(shown.layers.every((l) => typeof l.time_s === 'number' && typeof l.energy_j === 'number'));

  // The link alone, on a fresh load, gives back the same numbers.
  const again = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => again.closeAll());
  await openFresh(again, `${shared.server.url}index.html${link}`);
  const reloaded = await hook.results(again);
  assert.deepEqual(timeAndEnergy(reloaded), timeAndEnergy(shown));
  assert.deepEqual(reloaded, shown);
  assert.equal((await hook.state(again)).link, link);

  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
});
