// A documentation page with many embeds (issue 14): 40 embeds of different zoo models on one page,
// scrolled to the bottom and back at 1280x900. Every embed that comes into view draws within 2 s with
// its own model's numbers (the CLI's, through the test hook); no embed in view ever shows the
// lost-context message; the live WebGL contexts, sampled every 25 ms in every frame, never exceed 8;
// embeds out of view draw no frames (asleep, they have no module at all). Reports what one live embed
// costs (wasm heap, JS heap) and the times to draw after coming into view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareServerAndBrowser, openPage, loadApp, runCli, sleep, saveArtifact } from './harness.mjs';

const shared = shareServerAndBrowser();

const MODELS = [
  'resnet18_seed', 'resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152', 'resnext50_32x4d', 'wide_resnet50_2',
  'vgg11', 'vgg11_bn', 'vgg13', 'vgg13_bn', 'vgg16', 'vgg16_bn', 'vgg19', 'vgg19_bn', 'alexnet', 'squeezenet1_0',
  'squeezenet1_1', 'densenet121', 'densenet169', 'googlenet', 'mobilenet_v2', 'mobilenet_v3_large',
  'mobilenet_v3_small', 'shufflenet_v2_x1_0', 'mnasnet1_0', 'efficientnet_b0', 'regnet_y_400mf',
];
const PRESETS = ['optimistic', 'realistic', 'full'];
const EMBEDS = Array.from({ length: 40 }, (_, i) =>
  `#v=1&m=${MODELS[i % MODELS.length]}&sc=${PRESETS[i % PRESETS.length]}&embed=1&show=f,h`);
const MAX_LIVE_CONTEXTS = 8;
const DRAW_WITHIN_MS = Number(process.env.FLOPSCOPE_DRAW_WITHIN_MS || 2000);

// The host page: a heading, a paragraph and an embed per section, and room below the last one so that
// at the bottom no embed is in view.
function hostPage() {
  const sections = EMBEDS.map((fragment, i) =>
    `<section><h2>Section ${i + 1}</h2><p>Some prose about this network before its calculator.</p>` +
    `<iframe src="index.html${fragment.replaceAll('&', '&amp;')}" title="Flopscope embed ${i + 1}" width="100%" ` +
    `height="320" style="border:0;max-width:100%;display:block" loading="lazy" allow="clipboard-write"></iframe></section>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many embeds</title>` +
    `<link rel="icon" href="data:,"><style>body{margin:0 auto;max-width:900px;font:16px system-ui}</style></head>` +
    `<body>${sections.join('')}<div style="height:1400px"></div></body></html>`;
}

// In every frame: count the WebGL contexts it creates that are not lost.
const countContexts = () => {
  const created = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const ctx = getContext.call(this, type, ...rest);
    if (ctx && /webgl/.test(type) && !created.includes(ctx)) created.push(ctx);
    return ctx;
  };
  window.flopscopeTestLiveContexts = () => created.filter((c) => !c.isContextLost()).length;
};

// In the host page: every 25 ms, the live contexts of all embeds, which embeds are in view, when each
// came into view and first drew, lost-context messages in view and frames drawn out of view.
const startSampler = () => {
  const frames = [...document.querySelectorAll('iframe')];
  const log = window.flopscopeSampler = { maxLive: 0, samples: 0, problems: [], per: frames.map(() => ({})) };
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  };
  const sample = () => {
    let live = 0;
    frames.forEach((el, i) => {
      const w = el.contentWindow, p = log.per[i];
      let hook = null, statusText = '', statusShown = false;
      try {
        live += w.flopscopeTestLiveContexts ? w.flopscopeTestLiveContexts() : 0;
        hook = w.Module && w.Module.flopscope && w.Module.flopscope.ready ? w.Module.flopscope : null;
        const status = w.document.getElementById('status');
        statusShown = !!status && !status.hidden;
        statusText = statusShown ? status.textContent : '';
      } catch (e) { /* a document being replaced */ }
      const visible = inView(el);
      if (visible) {
        if (/graphics context/.test(statusText)) log.problems.push(`embed ${i} shows the lost-context message in view`);
        p.out = undefined;
      } else {
        if (hook) {
          // Once its IntersectionObserver has told the embed it left (the notification comes with the
          // next rendering update, which may still draw a frame), it draws nothing more. It must notice.
          const n = hook.frameCount(), noticed = w.Module.leftViewAt !== undefined;
          if (p.out === undefined) p.out = { n, since: Date.now(), noticed };
          else if (!p.out.noticed && noticed) p.out = { n, since: p.out.since, noticed };
          else if (p.out.noticed && n > p.out.n) {
            log.problems.push(`embed ${i} drew ${n - p.out.n} frames out of view`);
            p.out.n = n;
          } else if (!noticed && Date.now() - p.out.since > 5000 && !p.out.reported) {
            log.problems.push(`embed ${i} is still running 5 s after it left the view`);
            p.out.reported = true;
          }
        } else p.out = undefined;
      }
    });
    log.maxLive = Math.max(log.maxLive, live);
    log.samples++;
  };
  sample();
  setInterval(sample, 25);
};

test('40 embeds scrolled to the bottom and back: all draw, never more than 8 live contexts', { timeout: 300000 }, async (t) => {
  const started = Date.now();
  const expected = EMBEDS.map((fragment) => {
    const r = runCli(['--link', fragment, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  });

  const page = await openPage(shared.browser, { width: 1280, height: 900 });
  t.after(() => page.closeAll());
  await page.context().addInitScript(countContexts);
  // Warm the browser's caches with the app on its own (a reader's second page, not their first visit).
  await loadApp(page, shared.server.url);
  const host = `${shared.server.url}many-embeds.html`;
  await page.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage() }));
  await page.goto(host, { waitUntil: 'load' });
  await page.evaluate(startSampler);

  // The embeds in view, once each has drawn. How long that took is measured by each embed itself (from
  // its IntersectionObserver's "visible" to its first frame), so a busy test machine's lag in noticing
  // is not counted; the wait here only has to be long enough.
  const embedsInView = async () => {
    const deadline = Date.now() + 15000;
    for (;;) {
      const shown = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((el, i) => {
        const r = el.getBoundingClientRect();
        if (!(r.bottom > 0 && r.top < innerHeight)) return null;
        const m = el.contentWindow.Module;
        const hook = m && m.flopscope && m.flopscope.ready ? m.flopscope : null;
        const status = el.contentWindow.document.getElementById('status');
        return { i, results: hook ? hook.resultsJson() : null, hash: el.contentWindow.location.hash,
                 drawMs: hook && m.visibleAt !== undefined ? Math.round(m.readyAt - m.visibleAt) : null,
                 how: `${m ? (m.startedAt ? 'started' : 'not started') : 'no shell'}; status ${status && !status.hidden ? status.textContent.trim() : 'hidden'}` };
      }).filter(Boolean));
      if (shown.every((e) => e.results) || Date.now() > deadline) return shown;
      await sleep(50);
    }
  };

  const checked = new Set();
  const draws = new Map();  // "embed:document start" → ms from coming into view to the first frame
  const stops = [];
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < pageHeight - 900; y += 880) stops.push(y);
  stops.push(pageHeight - 900);
  for (const y of [...stops, ...stops.slice(0, -1).reverse()]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    for (const e of await embedsInView()) {
      assert.ok(e.results, `embed ${e.i} did not draw within 15 s of coming into view (scrollY ${y}; ${e.how})`);
      const shown = JSON.parse(e.results);
      assert.equal(e.hash, EMBEDS[e.i], `embed ${e.i}'s address`);
      assert.equal(shown.model, expected[e.i].model, `embed ${e.i}'s model`);
      assert.deepEqual(shown.totals, expected[e.i].totals, `embed ${e.i}'s totals`);
      assert.deepEqual(shown.scenario, expected[e.i].scenario, `embed ${e.i}'s scenario`);
      checked.add(e.i);
      if (e.drawMs !== null) draws.set(`${e.i}:${e.drawMs}`, e.drawMs);
    }
  }
  await sleep(500);
  const log = await page.evaluate(() => window.flopscopeSampler);
  const times = [...draws.values()].sort((a, b) => a - b);
  const slowest = [...draws].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([key, ms]) => `embed ${key.split(':')[0]} ${ms} ms`);
  t.diagnostic(`${checked.size} embeds checked; ${times.length} times an embed came into view and drew after ` +
               `${times[0]}..${times[times.length - 1]} ms (median ${times[times.length >> 1]} ms; slowest ${slowest.join(', ')}); ` +
               `at most ${log.maxLive} live contexts in ${log.samples} samples`);
  assert.equal(checked.size, EMBEDS.length, 'some embeds never came into view');
  if (log.problems.length) t.diagnostic(log.problems.join('; '));
  assert.deepEqual(log.problems, []);
  assert.ok(log.maxLive >= 1 && log.maxLive <= MAX_LIVE_CONTEXTS, `${log.maxLive} live contexts`);

  // What an embed costs: its wasm heap, and the JS heap with the embeds at the top live vs all asleep
  // (the JS heap is shared by the page and its same-site embeds; measured after a garbage collection).
  const cdp = await page.context().newCDPSession(page);
  const jsHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await sleep(1500);
  const asleep = await jsHeap();
  await page.evaluate(() => window.scrollTo(0, 0));
  const top = await embedsInView();
  const wasm = await page.evaluate(() => [...document.querySelectorAll('iframe')]
    .map((el) => el.contentWindow.Module && el.contentWindow.Module.HEAP8 ? el.contentWindow.Module.HEAP8.buffer.byteLength : 0)
    .filter((n) => n > 0));
  const awake = await jsHeap();
  t.diagnostic(`memory: ${wasm.length} live embeds with wasm heaps of ${wasm.join(', ')} bytes; JS heap ` +
               `${asleep} bytes with all 40 asleep, ${awake} with ${top.length} live ` +
               `(${Math.round((awake - asleep) / Math.max(1, top.length))} bytes per live embed)`);
  await saveArtifact('many-embeds-top.png', await page.screenshot());
  assert.deepEqual(page.problems, []);
  t.diagnostic(`test time ${Math.round((Date.now() - started) / 1000)} s`);
  assert.ok(times[times.length - 1] <= DRAW_WITHIN_MS, `an embed took ${times[times.length - 1]} ms to draw`);
});

// A context the browser takes back while the embed is in view (a GPU reset; simulated with
// WEBGL_lose_context) is recovered by the embed itself, with its state and no message.
test('an embed in view recovers by itself from a lost context', { timeout: 90000 }, async (t) => {
  const page = await openPage(shared.browser, { width: 800, height: 600 });
  t.after(() => page.closeAll());
  const link = '#v=1&m=mobilenet_v2&sc=custom&mode=cascade&p=0.6&embed=1&show=p';
  const host = `${shared.server.url}lost-host.html`;  // same origin: the host reads the embed's status
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">' +
          `</head><body><iframe src="index.html${link.replaceAll('&', '&amp;')}" title="embed" width="700" height="460" ` +
          'style="border:0"></iframe></body></html>',
  }));
  await page.goto(host, { waitUntil: 'load' });
  const frame = page.frames()[1];
  await frame.waitForFunction(() => window.Module && Module.flopscope && Module.flopscope.ready, null, { timeout: 30000 });
  const before = JSON.parse(await frame.evaluate(() => Module.flopscope.resultsJson()));
  await page.evaluate(() => { window.flopscopeTestMessages = []; });
  await frame.evaluate(() => Module.ctx.getExtension('WEBGL_lose_context').loseContext());
  // The document reloads; watch its status line from the host until it has drawn again.
  const started = Date.now();
  await page.waitForFunction(() => {
    const w = document.querySelector('iframe').contentWindow;
    const status = w.document.getElementById('status');
    if (status && !status.hidden && /graphics context/.test(status.textContent)) window.flopscopeTestMessages.push(status.textContent);
    return w.Module && w.Module.flopscope && w.Module.flopscope.ready && w.Module.ctx && !w.Module.ctx.isContextLost();
  }, null, { timeout: 15000, polling: 20 });
  t.diagnostic(`drawing again after ${Date.now() - started} ms`);
  assert.deepEqual(await page.evaluate(() => window.flopscopeTestMessages), []);
  assert.equal(await frame.evaluate(() => location.hash), link);
  assert.deepEqual(JSON.parse(await frame.evaluate(() => Module.flopscope.resultsJson())), before);
  assert.deepEqual(page.problems, []);
});
