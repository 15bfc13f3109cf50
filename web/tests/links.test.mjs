// Shareable links in the real page: a link opens its exact state and the numbers the CLI computes for
// it (every preset, every zoo model, every valid link of the native list, custom networks); edits through
// the UI keep the fragment in step with history.replaceState (no history entries); back/forward restore
// state; every malformed link of tests/data/links/bad-*.link (and a 1 MB one) opens the page with the
// CLI's message for it and the valid parts applied, never a crash, a blank page or a console error; names
// with HTML in them stay text; "Open in Flopscope" carries the state; Copy link copies it.
//
// The CLI is the native build's (build/native/src/cli/flopscope; tools/test.sh builds it first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  shareServerAndBrowser, openPage, loadApp, hook, waitPaused, repoRoot, runCli, cliLink, linkFromFile,
  decodePng, distinctColors,
} from './harness.mjs';

const LINKS_DIR = join(repoRoot, 'tests', 'data', 'links');
const PROBLEM = 'This link had a problem: ';

const shared = shareServerAndBrowser();

const messages = (page) => page.evaluate(() => JSON.parse(Module.flopscope.messages()));

// Opens `fragment` as a fresh page load (not a hashchange) and waits until the page has settled.
async function openFresh(page, fragment) {
  await page.goto('about:blank');
  await loadApp(page, `${shared.server.url}index.html${fragment}`);
  await waitPaused(page);
}

// Sets the fragment as pasting a link into the address bar does (a history entry, then hashchange) and
// waits until the app shows it.
async function openByHashchange(page, fragment) {
  const before = await hook.frameCount(page);
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction((n) => Module.flopscope.frameCount() > n, before, { polling: 20 });
  await waitPaused(page);
}

// The item's rectangle in CSS pixels, scrolling ImGui's panel under `scrollX` with the wheel until the
// item is fully visible.
async function revealItem(page, name, scrollX = 120) {
  const { dpr, height } = await page.evaluate(() => ({ dpr: devicePixelRatio, height: innerHeight }));
  for (let i = 0; i < 25; ++i) {
    await waitPaused(page);
    const rect = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
    if (rect && (rect[1] + rect[3]) / dpr <= height) return rect.map((v) => v / dpr);
    await page.mouse.move(scrollX, height / 2);
    await page.mouse.wheel(0, 120);
  }
  assert.fail(`item "${name}" is not on screen`);
}

async function clickItem(page, name, { at = 0.5, scrollX } = {}) {
  const [x, y, w, h] = await revealItem(page, name, scrollX);
  await page.mouse.click(x + w * at, y + h / 2, { delay: 60 });
  await waitPaused(page);
}

// The page's results equal the CLI's JSON for the same link: totals and scenario (the contract), and in
// fact the whole document.
async function assertSameAsCli(page, fragment) {
  const cli = runCli(['--link', fragment, '--format', 'json']);
  assert.equal(cli.status, 0, `the CLI rejected ${fragment}: ${cli.stderr}`);
  const expected = JSON.parse(cli.stdout);
  const shown = await hook.results(page);
  assert.deepEqual(shown.totals, expected.totals, `totals of ${fragment}`);
  assert.deepEqual(shown.scenario, expected.scenario, `scenario of ${fragment}`);
  assert.deepEqual(shown, expected, `results of ${fragment}`);
  return expected;
}

// Elements in the document, by tag: the shell's own, never anything a link brought.
// The document's elements. Inside the text mirror (#mirror) the number of rows and lines follows the
// state, so only tags other than the mirror's own kinds are listed from there.
const domTags = (page) => page.evaluate(() => {
  const mirror = document.getElementById('mirror');
  const own = ['DIV', 'P', 'UL', 'LI', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TR', 'TH', 'TD'];
  const outside = [...document.querySelectorAll('*')].filter((e) => e === mirror || !mirror.contains(e));
  const foreign = [...mirror.querySelectorAll('*')].filter((e) => !own.includes(e.tagName));
  return [...outside, ...foreign].map((e) => e.tagName).join(' ');
});

test('a link opens its exact state and the results the CLI computes for it', { timeout: 300000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());

  // A fresh load first: the state through the test hook, the numbers, no message.
  const first = '#v=1&m=resnet18&in=160&sc=realistic&h=0.9&u=macs';
  await openFresh(page, first);
  const state = await hook.state(page);
  assert.equal(state.model, 'resnet18');
  assert.deepEqual(state.input, [3, 160, 160]);
  assert.equal(state.scenario.name, 'realistic');  // the preset's parameters, then h on top
  assert.equal(state.scenario.hit_rate, 0.9);
  assert.equal(state.scenario.truncation_efficiency, 0);
  assert.equal(state.view.unit, 'macs');
  assert.equal(state.link, first);
  assert.equal(await page.evaluate(() => location.hash), first, 'opening a link must not rewrite it');
  await assertSameAsCli(page, first);
  assert.deepEqual(await messages(page), []);

  // Then links pasted into the same page: the presets, every zoo model, every valid link of the native
  // list (custom networks of 60+ layers among them) and a few more.
  const models = runCli(['--list-models']).stdout.split('\n').map((l) => /^ {2}(\S+) {2,}/.exec(l)?.[1]).filter(Boolean);
  assert.ok(models.length >= 25, `only ${models.length} zoo models listed`);
  const links = [
    '#v=1', '#v=1&sc=optimistic', '#v=1&sc=realistic', '#v=1&sc=full',
    '#v=1&m=resnet18&sc=full&st=m:mobilenet_v3_small', '#v=1&m=resnet50&sc=custom&mode=cascade&p=0.7&st=m:mobilenet_v3_small',
    '#v=1&m=custom&in=32&L=C.c16.k3.p1,B,A,P.max.k2.s2,C.c32.k3.p1,A.relu6,P.adaptive_avg.o1,F,L.c10.b&sc=full',
    ...models.map((m) => `#v=1&m=${m}`),
    ...readdirSync(LINKS_DIR).filter((n) => n.startsWith('valid-')).sort().map((n) => linkFromFile(join(LINKS_DIR, n))),
  ];
  for (const link of links) {
    await openByHashchange(page, link);
    const expected = await assertSameAsCli(page, link);
    assert.equal((await hook.state(page)).link, expected.link, `state of ${link}`);
    assert.deepEqual(await messages(page), [], `messages for ${link}`);
  }
  t.diagnostic(`${links.length} links, each equal to \`flopscope --link … --format json\``);
  assert.deepEqual(page.problems, []);
});

test('edits through the UI keep the fragment in step without adding history entries', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await openFresh(page, '#v=1&m=resnet18');
  await page.evaluate(() => {
    window.hashchanges = 0;
    addEventListener('hashchange', () => { window.hashchanges += 1; });
  });
  const length = await page.evaluate(() => history.length);

  // A preset from the comparison table.
  await clickItem(page, 'use:full', { scrollX: 700 });
  assert.equal(await page.evaluate(() => location.hash), '#v=1&m=resnet18&sc=full');
  assert.equal((await hook.state(page)).scenario.name, 'full');

  // A slider: the hit rate, clicked at a quarter of its width.
  await clickItem(page, 'slider:h', { at: 0.25 });
  const state = await hook.state(page);
  const h = state.scenario.hit_rate;
  assert.ok(h > 0.1 && h < 0.4, `hit rate ${h} after clicking a quarter of the slider`);
  const hash = await page.evaluate(() => location.hash);
  assert.equal(hash, state.link);
  assert.match(hash, new RegExp(`&h=${String(h).replace('.', '\\.')}(&|$)`));
  await assertSameAsCli(page, hash);

  assert.equal(await page.evaluate(() => history.length), length, 'an edit added a history entry');
  assert.equal(await page.evaluate(() => window.hashchanges), 0, 'the page navigated instead of replacing the URL');
  // A reload of the replaced URL is the same state.
  await openFresh(page, hash);
  assert.deepEqual(await hook.state(page), state);
  assert.deepEqual(page.problems, []);
});

test('back and forward restore the state of each link', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  const a = '#v=1&m=resnet18&h=0.9';
  const b = '#v=1&m=resnet50&sc=full';
  await openFresh(page, a);
  await openByHashchange(page, b);
  assert.equal((await hook.state(page)).model, 'resnet50');

  // An edit replaces b's entry: forward must come back to the edited state, not to b.
  await clickItem(page, 'use:realistic', { scrollX: 700 });
  const edited = await hook.state(page);
  assert.equal(edited.link, '#v=1&m=resnet50&sc=realistic');

  const settleAfter = async (action) => {
    const n = await hook.frameCount(page);
    await action();
    await page.waitForFunction((k) => Module.flopscope.frameCount() > k, n, { polling: 20 });
    await waitPaused(page);
  };
  await settleAfter(() => page.evaluate(() => history.back()));
  let state = await hook.state(page);
  assert.equal(state.link, a);
  assert.equal(await page.evaluate(() => location.hash), a);
  await assertSameAsCli(page, a);

  await settleAfter(() => page.evaluate(() => history.forward()));
  state = await hook.state(page);
  assert.deepEqual(state, edited);
  await assertSameAsCli(page, edited.link);

  // A malformed link's message goes away when the next link is opened.
  await openByHashchange(page, '#v=1&f=abc');
  assert.deepEqual(await messages(page), [`${PROBLEM}f: "abc" is not a number`]);
  await settleAfter(() => page.evaluate(() => history.back()));
  assert.deepEqual(await hook.state(page), edited);
  assert.deepEqual(await messages(page), [], 'a message of the previous link stayed on screen');
  assert.deepEqual(page.problems, []);
});

test('each malformed link opens the page with its message and the valid parts applied', { timeout: 300000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await openFresh(page, '');
  const cleanDom = await domTags(page);

  // What the valid parts of some links set (the rest: that the page computes at all).
  const applied = {
    'bad-duplicate-key.link': (s) => assert.equal(s.scenario.cached_fraction, 0.3),
    'bad-unknown-key.link': (s) => { assert.equal(s.model, 'resnet18'); assert.equal(s.scenario.cached_fraction, 0.3); },
    'bad-truncated-value.link': (s) => { assert.equal(s.model, 'resnet18'); assert.equal(s.scenario.cached_fraction, 0.3); },
    'bad-truncated-key.link': (s) => { assert.equal(s.scenario.cached_fraction, 0.3); assert.equal(s.scenario.hit_rate, 1); },
    'bad-numbers.link': (s) => { assert.equal(s.scenario.cached_fraction, 0.2); assert.equal(s.scenario.hit_rate, 1); },
    'bad-version-missing.link': (s) => { assert.equal(s.model, 'resnet18'); assert.equal(s.scenario.cached_fraction, 0.5); },
    'bad-version-newer.link': (s) => assert.equal(s.model, 'resnet18_seed'),
    'bad-truncated-layers.link': (s) => { assert.equal(s.model, 'custom'); assert.equal(s.custom_layers, 4); },
    'bad-layer-count.link': (s) => assert.equal(s.model, 'custom'),
    'bad-utf8-raw.link': (s) => assert.equal(s.scenario.cached_fraction, 0.1),
    'bad-nul-byte.link': (s) => assert.equal(s.scenario.cached_fraction, 0.1),
    '1 MB fragment': (s) => assert.equal(s.link, '#v=1'),
  };
  const files = readdirSync(LINKS_DIR).filter((n) => n.startsWith('bad-')).sort();
  assert.ok(files.length >= 15, `only ${files.length} malformed links`);
  const cases = files.map((name) => ({ name, link: linkFromFile(join(LINKS_DIR, name)) }));
  cases.push({ name: '1 MB fragment', link: `#v=1&cn=${'a'.repeat(1 << 20)}` });

  for (const { name, link } of cases) {
    await t.test(name, async () => {
      page.problems.length = 0;
      await openFresh(page, link);
      // The CLI reads the same link (as the browser's URL parser gave it to the page) and names the
      // same problems; the page shows each as a message.
      const hash = await page.evaluate(() => location.hash);
      const shown = await messages(page);
      assert.ok(shown.length > 0, 'no message');
      const problems = shown.filter((m) => m.startsWith(PROBLEM)).map((m) => m.slice(PROBLEM.length));
      const others = shown.filter((m) => !m.startsWith(PROBLEM));
      if (hash.length > 100000) {
        // Longer than a command line argument may be (Linux: 128 KiB): the decoder's own words.
        assert.deepEqual(problems, [`the link is ${hash.length - 1} bytes, more than the 262144 Flopscope reads; nothing was applied`]);
      } else {
        const cli = runCli(['--link', hash, '--format', 'json']);
        assert.equal(cli.status, 2, `the CLI accepted ${name}`);
        const expected = /^flopscope: --link: (.*)\n$/s.exec(cli.stderr)?.[1];
        assert.ok(expected, `unexpected CLI output: ${cli.stderr}`);
        assert.equal(problems.join('; '), expected);
      }
      for (const m of others) assert.match(m, /^The linked state can't be computed: /);

      // The page is alive: computed results (unless it says why not), pixels on the canvas, the hook
      // answering, nothing injected, no console error or dialog.
      const state = await hook.state(page);
      applied[name]?.(state);
      if (others.length === 0) assert.ok((await hook.results(page)).totals, 'no results');
      const visible = await page.evaluate(() => document.getElementById('canvas').classList.contains('ready') &&
                                                document.getElementById('status').hidden);
      assert.ok(visible, 'the canvas is not shown');
      const colors = distinctColors(decodePng(await page.locator('#canvas').screenshot()));
      assert.ok(colors >= 16, `a blank page (${colors} colours)`);
      assert.equal(await domTags(page), cleanDom, 'the document gained elements');
      assert.deepEqual(page.problems, []);
    });
  }
});

test('names with HTML in them are text: nothing reaches the DOM', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await openFresh(page, '');
  const cleanDom = await domTags(page);
  const title = await page.title();

  const link = linkFromFile(join(LINKS_DIR, 'valid-custom-html-names.link'));
  await openFresh(page, link);
  const r = await hook.results(page);
  const names = r.layers.map((l) => l.name);
  assert.deepEqual(names, ['<script>alert("x")</script>', '日本語 «conv» & = # % + , : ;', '<b>cat</b>']);
  await assertSameAsCli(page, link);
  // Shown in the layer table as text.
  await clickItem(page, 'tab:Layers', { scrollX: 700 });
  assert.equal(await domTags(page), cleanDom);
  assert.equal(await page.title(), title);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 1, 'a new inline script');
  assert.equal(await page.evaluate(() => document.querySelector('b')), null);
  assert.deepEqual(page.problems, []);
});

test('"Open in Flopscope" in the embed view opens the full calculator on the same state', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 760, height: 500 });
  t.after(() => page.closeAll());
  const embed = '#v=1&m=resnet18&f=0.35&th=dark&embed=1&show=f,h';
  await openFresh(page, embed);
  const state = await hook.state(page);
  assert.equal(state.view.embed, true);

  const [popup] = await Promise.all([page.context().waitForEvent('page'), clickItem(page, 'Open in Flopscope')]);
  await popup.waitForURL(/#/);
  // The page's URL without the embed's own keys.
  const pageUrl = await page.evaluate(() => location.href);
  assert.equal(popup.url(), pageUrl.replace('&embed=1&show=f,h', ''));
  assert.equal(popup.url(), `${shared.server.url}index.html#v=1&m=resnet18&f=0.35&th=dark`);
  await popup.waitForFunction(() => window.flopscopeReady !== undefined);
  await popup.evaluate(() => window.flopscopeReady.then(() => true));
  const opened = await hook.state(popup);
  assert.deepEqual(opened, { ...state, view: { ...state.view, embed: false }, link: '#v=1&m=resnet18&f=0.35&th=dark' });
  assert.deepEqual(await hook.results(popup), { ...(await hook.results(page)), link: opened.link });
  assert.deepEqual(page.problems, []);
});

test('Copy link copies the URL of the state, with a visible confirmation', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 720 });
  t.after(() => page.closeAll());
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page, '#v=1&m=resnet50&sc=custom&mode=cascade&p=0.7&st=m:mobilenet_v3_small');
  // The confirmation shows for 2 s (the loop keeps drawing while it fades): look before it goes.
  const [x, y, w, h] = await revealItem(page, 'Copy link');
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await page.waitForFunction(() => JSON.parse(Module.flopscope.messages()).includes('Link copied'), null, { timeout: 1500, polling: 20 });
  await waitPaused(page);
  assert.deepEqual(await messages(page), [], 'the confirmation stayed');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href));
  assert.equal(copied, `${shared.server.url}index.html${cliLink('#v=1&m=resnet50&sc=custom&mode=cascade&p=0.7&st=m:mobilenet_v3_small')}`);
  const state = await hook.state(page);

  // The copied link opens the same state in a new page.
  const other = await openPage(shared.browser, { width: 800, height: 600 });
  t.after(() => other.closeAll());
  await loadApp(other, copied);
  assert.deepEqual(await hook.state(other), state);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
});
