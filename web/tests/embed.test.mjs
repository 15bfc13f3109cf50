// The embed view in a documentation page (web/example-docs.html, served from build/web): both embeds
// render their own scenario with the CLI's numbers, fit their iframes without scrollbars, let the wheel
// scroll the host page, idle at zero frames and work independently, take typing and let Tab leave (no
// keyboard trap), follow the reader's colour scheme or their `th=`, open the full calculator on their
// state, and are exactly the snippets the Embed button produces. Saves build/web-test/docs-example.png
// (and -dark, -narrow). An embed lives only while in view (shell.html): out of view it sleeps, so each
// test brings an embed into view (embedFrame) before it reads or drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  shareServerAndBrowser, openPage, loadApp, hook, waitPaused, sleep, saveArtifact, decodePng, distinctColors,
  repoRoot, runCli,
} from './harness.mjs';

const DOCS = 'example-docs.html';
// The iframes of the docs page's source, in order: { tag, src, title, height }.
const docsIframes = [...readFileSync(join(repoRoot, 'web', DOCS), 'utf8').matchAll(/<iframe\b[^>]*><\/iframe>/g)].map(([tag]) => {
  const attr = (name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return { tag, src: attr('src').replaceAll('&amp;', '&'), title: attr('title'), height: Number(attr('height')) };
});

const shared = shareServerAndBrowser();

const fragmentOf = (src) => src.slice(src.indexOf('#'));

// The Frame of the i-th iframe, brought into view, started (lazy iframes load once near the viewport; an
// embed starts only in view) and settled.
async function embedFrame(page, i) {
  const iframe = page.locator('iframe').nth(i);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForFunction(() => window.flopscopeReady !== undefined, null, { timeout: 30000 });
  await frame.evaluate(() => window.flopscopeReady.then(() => true));
  await waitPaused(frame);
  return frame;
}

// Opens the docs page and starts every embed in turn; returns their frames (the last one is in view).
async function openDocs(page, url = `${shared.server.url}${DOCS}`) {
  await page.goto(url, { waitUntil: 'load' });
  const count = await page.locator('iframe').count();
  const frames = [];
  for (let i = 0; i < count; ++i) frames.push(await embedFrame(page, i));
  return frames;
}

// Waits until every running embed has settled (one out of view sleeps: it has nothing to wait for).
async function settle(frames) {
  for (const f of frames) {
    await f.waitForFunction(() => !(window.Module && Module.flopscope && Module.flopscope.ready) || Module.flopscope.isPaused(),
                            null, { timeout: 10000, polling: 50 });
  }
}

// Where a named item of embed i is on the host page, in CSS pixels: [x, y, w, h].
async function itemInEmbed(page, i, frame, name) {
  const origin = await page.locator('iframe').nth(i).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
  });
  const dpr = await frame.evaluate(() => devicePixelRatio);
  const rect = await frame.evaluate((n) => Module.flopscope.itemRect(n), name);
  assert.ok(rect, `embed ${i} has no item "${name}"`);
  return [origin.x + rect[0] / dpr, origin.y + rect[1] / dpr, rect[2] / dpr, rect[3] / dpr];
}

// Mean luminance (0..255) of a small patch near the top-left corner of an element's screenshot.
async function cornerLuminance(locator) {
  const img = decodePng(await locator.screenshot());
  let sum = 0, n = 0;
  for (let y = 3; y < 9; ++y) {
    for (let x = 3; x < 9; ++x) {
      const o = (y * img.width + x) * 4;
      sum += 0.2126 * img.rgba[o] + 0.7152 * img.rgba[o + 1] + 0.0722 * img.rgba[o + 2];
      ++n;
    }
  }
  return sum / n;
}

test('the docs page has two embeds of different scenarios', () => {
  assert.equal(docsIframes.length, 2);
  assert.notEqual(docsIframes[0].src, docsIframes[1].src);
  for (const f of docsIframes) {
    assert.match(f.tag, /\sloading="lazy"/);
    assert.match(f.tag, /\sallow="clipboard-write"/);
    assert.ok(f.title, 'an iframe without a title');
    assert.ok(f.height >= 300 && f.height <= 900, `height ${f.height}`);
    assert.match(f.src, /&embed=1(&|$)/);
  }
});

test('both embeds render their own numbers, the CLI\'s for their links', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1000, height: 800 });
  t.after(() => page.closeAll());
  const frames = await openDocs(page);
  assert.equal(frames.length, 2);
  const seen = [], totals = [];
  for (const [i, frame] of frames.entries()) {
    await embedFrame(page, i);
    const fragment = fragmentOf(docsIframes[i].src);
    assert.equal(await frame.evaluate(() => location.hash), fragment);
    const state = await hook.state(frame);
    assert.equal(state.view.embed, true);
    assert.equal(state.link, fragment);
    const cli = runCli(['--link', fragment, '--format', 'json']);
    assert.equal(cli.status, 0, cli.stderr);
    const expected = JSON.parse(cli.stdout);
    const shown = await hook.results(frame);
    assert.deepEqual(shown.totals, expected.totals);
    assert.deepEqual(shown.scenario, expected.scenario);
    assert.deepEqual(await frame.evaluate(() => JSON.parse(Module.flopscope.messages())), []);
    const colors = distinctColors(decodePng(await page.locator('iframe').nth(i).screenshot()));
    assert.ok(colors >= 16, `embed ${i} looks blank (${colors} colours)`);
    totals.push(shown.totals);
    seen.push(`${shown.model}: ${shown.scenario.name} ${shown.scenario.mode}, ${shown.scenario.percent_of_baseline.toFixed(1)} % of the baseline`);
  }
  assert.notDeepEqual(totals[0], totals[1]);
  t.diagnostic(seen.join('; '));

  await page.mouse.move(1, 1);
  await settle(frames);
  t.diagnostic(await saveArtifact('docs-example.png', await page.screenshot({ fullPage: true })));
  assert.deepEqual(page.problems, []);
});

for (const size of [{ width: 1000, height: 800 }, { width: 420, height: 800 }]) {
  test(`embeds fit their iframes without scrollbars (${size.width}x${size.height})`, { timeout: 120000 }, async (t) => {
    const page = await openPage(shared.browser, { ...size, deviceScaleFactor: size.width < 500 ? 2 : 1 });
    t.after(() => page.closeAll());
    const frames = await openDocs(page);
    for (const [i, frame] of frames.entries()) {
      await embedFrame(page, i);
      const box = await page.locator('iframe').nth(i).evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
      const inner = await frame.evaluate(() => {
        const d = document.documentElement, c = document.getElementById('canvas').getBoundingClientRect();
        return { scrollW: d.scrollWidth, scrollH: d.scrollHeight, w: d.clientWidth, h: d.clientHeight,
                 canvas: [c.left, c.top, c.width, c.height], backing: [document.getElementById('canvas').width, document.getElementById('canvas').height] };
      });
      assert.deepEqual([inner.w, inner.h], [box.w, box.h], `embed ${i}: the document is not the iframe's size`);
      assert.ok(inner.scrollW <= inner.w && inner.scrollH <= inner.h, `embed ${i} scrolls: ${JSON.stringify(inner)}`);
      assert.deepEqual(inner.canvas, [0, 0, box.w, box.h], `embed ${i}: the canvas does not fill the iframe`);
      const dpr = size.width < 500 ? 2 : 1;
      assert.deepEqual(inner.backing, [box.w * dpr, box.h * dpr]);
      // Nor does anything scroll inside ImGui: with the pointer on the embed, no window can move.
      const [x, y, w, h] = await itemInEmbed(page, i, frame, 'Open in Flopscope');
      await page.mouse.move(x + w / 2, y + h / 2);
      await page.mouse.move(x - 40, y + 120, { steps: 3 });
      await waitPaused(frame);
      assert.equal(await frame.evaluate(() => Module.flopscopeWants.wheel), 0, `embed ${i} has content to scroll`);
    }
    if (size.width < 500) {
      await page.mouse.move(1, 1);
      await settle(frames);
      t.diagnostic(await saveArtifact('docs-example-narrow.png', await page.screenshot({ fullPage: true, scale: 'css' })));
    }
    assert.deepEqual(page.problems, []);
  });
}

test('the wheel over an embed scrolls the host page', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1000, height: 700 });
  t.after(() => page.closeAll());
  const frames = await openDocs(page);
  for (const [i, frame] of frames.entries()) {
    // The embed in the upper part of the window, the pointer over its chart (and then over a slider:
    // sliders do not take the wheel).
    await page.locator('iframe').nth(i).evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 60));
    await embedFrame(page, i);
    const before = await hook.state(frame);
    const [ox, oy, ow] = await itemInEmbed(page, i, frame, 'Open in Flopscope');
    const slider = await itemInEmbed(page, i, frame, i === 0 ? 'slider:h' : 'slider:p');
    for (const [x, y] of [[ox + ow / 2 - 300, oy + 200], [slider[0] + slider[2] / 2, slider[1] + slider[3] / 2]]) {
      await page.mouse.move(x, y, { steps: 2 });
      await waitPaused(frame);
      const y0 = await page.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, 150);
      await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: 3000 }).catch(() => {});
      const y1 = await page.evaluate(() => window.scrollY);
      t.diagnostic(`embed ${i}, pointer at (${Math.round(x)}, ${Math.round(y)}): scrollY ${y0} → ${y1}`);
      assert.ok(y1 >= y0 + 100, `the wheel over embed ${i} did not scroll the page (${y0} → ${y1})`);
      // Scroll back so the pointer is over the same part again.
      await page.evaluate((y) => window.scrollTo(0, y), y0);
      await sleep(100);
    }
    assert.deepEqual(await hook.state(frame), before, `the wheel changed embed ${i}`);
  }
  // No "Unable to preventDefault inside passive event listener" or any other warning.
  assert.deepEqual(page.problems, []);
});

test('untouched embeds idle at zero frames; each works on its own', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1000, height: 1600 });
  t.after(() => page.closeAll());
  const [a, b] = await openDocs(page);
  // Both embeds in the 1600-pixel-high window.
  await page.locator('iframe').first().evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 40));
  await embedFrame(page, 0);
  await embedFrame(page, 1);
  const hostUrl = page.url();
  const hostHistory = await page.evaluate(() => history.length);

  const idle = async (label) => {
    await waitPaused(a);
    await waitPaused(b);
    const n0 = [await hook.frameCount(a), await hook.frameCount(b)];
    await sleep(1000);
    const n1 = [await hook.frameCount(a), await hook.frameCount(b)];
    t.diagnostic(`${label}: ${n1[0] - n0[0]} and ${n1[1] - n0[1]} frames in 1 s`);
    assert.deepEqual(n1, n0, `${label}: an embed rendered frames while idle`);
    return n1;
  };
  const [, framesOfB] = await idle('after loading');

  // Drag embed 1's hit rate: only embed 1 changes (its own URL too), embed 2 draws nothing.
  const stateOfB = await hook.state(b);
  const [x, y, w, h] = await itemInEmbed(page, 0, a, 'slider:h');
  await page.mouse.move(x + w - 4, y + h / 2);
  await page.mouse.down();
  await page.mouse.move(x + w * 0.6, y + h / 2, { steps: 5 });
  await page.mouse.up();
  await waitPaused(a);
  const hit = (await hook.state(a)).scenario.hit_rate;
  assert.ok(hit > 0.4 && hit < 0.8, `hit rate ${hit} after the drag`);
  assert.equal(await a.evaluate(() => location.hash), (await hook.state(a)).link);
  assert.match(await a.evaluate(() => location.hash), /&h=0\.\d+/);
  assert.deepEqual(await hook.state(b), stateOfB);
  assert.equal(await hook.frameCount(b), framesOfB, 'the other embed drew frames');
  assert.equal(page.url(), hostUrl, 'the host page URL changed');
  assert.equal(await page.evaluate(() => history.length), hostHistory, 'the host page got history entries');

  await page.mouse.move(1, 1);
  await idle('after an edit');
  assert.deepEqual(page.problems, []);
});

test('a drag that leaves an embed keeps moving its slider and ends where the button is released', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1000, height: 800 });
  t.after(() => page.closeAll());
  const [a] = await openDocs(page);
  await embedFrame(page, 0);
  const [x, y, w, h] = await itemInEmbed(page, 0, a, 'slider:h');
  const iframe = await page.locator('iframe').first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, bottom: r.bottom };
  });
  // From the slider's middle, in one move, past the iframe's left edge onto the host page: that move still
  // reaches the embed (the button was pressed there), so the slider ends at its low end, 0.
  assert.ok(iframe.left - 40 >= 0, 'the host page has room left of the embed');
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.move(iframe.left - 40, y + h / 2);
  await page.mouse.up();
  // The loop pauses only once ImGui has the button up (a held button keeps it drawing).
  await waitPaused(a);
  assert.equal((await hook.state(a)).scenario.hit_rate, 0);
  assert.deepEqual(page.problems, []);
});

test('the keyboard works in an embed, and Tab leaves it (no keyboard trap)', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1000, height: 800 });
  t.after(() => page.closeAll());
  const [a, b] = await openDocs(page);
  await embedFrame(page, 0);
  // Type a hit rate into the embed's field: the keys reach ImGui in the iframe.
  const [x, y, w, h] = await itemInEmbed(page, 0, a, 'input:h');
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await waitPaused(a);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('35');
  await page.keyboard.press('Enter');
  await waitPaused(a);
  assert.equal((await hook.state(a)).scenario.hit_rate, 0.35);
  // Escape releases ImGui's focus; Tab then moves on to the host page's next link.
  await page.keyboard.press('Escape');
  await waitPaused(a);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'A', null, { timeout: 3000 });
  const focused = await page.evaluate(() => document.activeElement.textContent);
  t.diagnostic(`Tab moved the focus to the host page's link "${focused}"`);
  assert.equal(await a.evaluate(() => document.hasFocus()), false);
  await embedFrame(page, 1);
  assert.equal((await hook.state(b)).scenario.hit_rate, 1, 'the other embed changed');
  assert.deepEqual(page.problems, []);
});

test('the embeds follow the reader\'s colour scheme, and th= overrides it', { timeout: 120000 }, async (t) => {
  // The docs page's embeds have no th=: they follow the reader, like the page around them.
  const dark = await openPage(shared.browser, { width: 1000, height: 800, colorScheme: 'dark' });
  t.after(() => dark.closeAll());
  const frames = await openDocs(dark);
  for (const [i, frame] of frames.entries()) {
    await embedFrame(dark, i);
    assert.equal((await hook.state(frame)).view.theme, 'system');
    const lum = await cornerLuminance(dark.locator('iframe').nth(i));
    assert.ok(lum < 80, `embed ${i} is not dark for a reader who prefers dark (luminance ${lum.toFixed(0)})`);
  }
  assert.ok(await cornerLuminance(dark.locator('main')) < 80, 'the docs page itself is not dark');
  await dark.mouse.move(1, 1);
  await settle(frames);
  t.diagnostic(await saveArtifact('docs-example-dark.png', await dark.screenshot({ fullPage: true })));
  assert.deepEqual(dark.problems, []);

  // th=light and th=dark win over the reader's preference.
  for (const [scheme, theme, isDark] of [['dark', 'light', false], ['light', 'dark', true]]) {
    const page = await openPage(shared.browser, { width: 800, height: 600, colorScheme: scheme });
    t.after(() => page.closeAll());
    const src = `index.html#v=1&m=resnet50&sc=full&th=${theme}&embed=1&show=f,h`;
    await page.route(`${shared.server.url}theme-host.html`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"></head>` +
            `<body style="margin:0"><iframe src="${src.replaceAll('&', '&amp;')}" title="embed" width="100%" height="480" ` +
            `style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe></body></html>`,
    }));
    const [frame] = await openDocs(page, `${shared.server.url}theme-host.html`);
    assert.equal((await hook.state(frame)).view.theme, theme);
    const lum = await cornerLuminance(page.locator('iframe'));
    t.diagnostic(`th=${theme} for a reader preferring ${scheme}: luminance ${lum.toFixed(0)}`);
    assert.equal(lum < 80, isDark, `th=${theme} was not applied (luminance ${lum.toFixed(0)})`);
    assert.deepEqual(page.problems, []);
  }
});

test('"Open in Flopscope" in an embed opens the full calculator on its state', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1000, height: 800 });
  t.after(() => page.closeAll());
  const frames = await openDocs(page);
  const i = 1;
  const frame = frames[i];
  await embedFrame(page, i);
  const [x, y, w, h] = await itemInEmbed(page, i, frame, 'Open in Flopscope');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), page.mouse.click(x + w / 2, y + h / 2, { delay: 60 })]);
  await popup.waitForURL(/#/);
  const frameUrl = frame.url();
  assert.equal(popup.url(), frameUrl.replace(/&embed=1(&show=[^&]*)?/, ''));
  await popup.waitForFunction(() => window.flopscopeReady !== undefined);
  await popup.evaluate(() => window.flopscopeReady.then(() => true));
  const state = await hook.state(frame);
  const opened = await hook.state(popup);
  assert.equal(opened.view.embed, false);
  assert.deepEqual({ ...opened, view: { ...opened.view, embed: true }, link: state.link }, state);
  assert.deepEqual((await hook.results(popup)).scenario, (await hook.results(frame)).scenario);
  assert.deepEqual(page.problems, []);
});

test('the docs page\'s iframes are the snippets of the Embed button', { timeout: 120000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 1280, height: 800 });
  t.after(() => page.closeAll());
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const click = async (name, at = 0.5) => {
    await waitPaused(page);
    const rect = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
    assert.ok(rect, `no item "${name}"`);
    await page.mouse.click(rect[0] + rect[2] * at, rect[1] + rect[3] / 2, { delay: 60 });
    await waitPaused(page);
  };
  for (const iframe of docsIframes) {
    // The full calculator on the embed's state, then Embed…, the inputs the docs page exposes, Copy snippet.
    const fragment = fragmentOf(iframe.src);
    const show = /&show=([^&]*)/.exec(fragment)?.[1].split(',') ?? [];
    await page.goto('about:blank');
    await loadApp(page, `${shared.server.url}index.html${fragment.replace(/&embed=1(&show=[^&]*)?/, '')}`);
    await click('Embed');
    for (const key of ['sc', 'f', 'h', 'rho', 'p', 'st', 'in']) {
      const on = ['f', 'h'].includes(key);  // the popup's default
      if (on !== show.includes(key)) await click(`embed.show:${key}`, 0.05);
    }
    await click('Copy snippet');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    const relative = snippet.replace(`src="${shared.server.url}index.html#`, 'src="index.html#')
      .replace(/height="\d+"/, `height="${iframe.height}"`);
    assert.equal(relative, iframe.tag);
  }
  assert.deepEqual(page.problems, []);
});
