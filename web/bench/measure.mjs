// Flopscope's measured web budgets: the app against a minimal ImGui "hello" page built with exactly the
// app's flags (web/bench/hello.cpp, target flopscope_hello), both measured in the same run in headless
// Chromium (Debian's, SwiftShader WebGL2, through playwright-core).
//
//   node web/bench/measure.mjs [--build-dir build/web] [--loads 5] [--no-build] [--json FILE]
//
// Prints one table:
//   transfer size   gzip -9 bytes of every file each page requests (html, js, wasm, fonts if any), with
//                   brotli (quality 11) beside it for hosts that serve it
//                   budget: app < 307,200 bytes gzipped (300 KB; the guide's ceiling, never raised)  (enforced)
//                   ratio to the floor, against the 1.6× target                              (reported)
//   start-up        navigation → first WebGL draw call, median of --loads fresh loads each  (≤ 1.3 ×, reported)
//   idle            frames drawn during 3 s without input once the app has settled       (0, enforced)
//   onnx import     a 100 MiB .onnx file (the hand-made CNN fixture with a 100 MiB initializer payload
//                   added in front of its nodes, built here) imported through the page's file input:
//                   time < 2 s (reported), wasm memory growth < 10 MB and bytes fetched from the file
//                   < 10 % of it (enforced: the payload must be skipped, never read)
//   interaction     frame CPU time (renderer main-thread CPU of each requestAnimationFrame callback, from a
//                   Chromium trace) while dragging the cached-fraction slider on resnet152:
//                   median ≤ 4 ms, worst ≤ 16 ms                                          (reported)
// Exits 1 only when a deterministic budget (transfer size, idle frames) is missed, 2 when it could not
// measure; timings vary with the machine's load and are reported without failing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { launchBrowser, repoRoot, sleep } from '../tests/harness.mjs';
import { serveDirectory } from '../static-server.mjs';

//-----------------------------------------------------------------------------------------------------
// Options and budgets
//-----------------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const buildDir = resolve(repoRoot, opt('--build-dir', process.env.FLOPSCOPE_WEB_DIR || 'build/web'));
const loads = Math.max(5, Number(opt('--loads', '5')));
const jsonOut = opt('--json', null);
// pageCeilingBytes: the page's whole gzipped transfer (html + js + wasm) stays under 300 KB. It is never
// raised to make room for a feature: make room instead. sizeRatio is the target against the floor,
// reported (the app was 1.92× in November 2026).
const budget = { pageCeilingBytes: 307_200, sizeRatio: 1.6, startupRatio: 1.3, idleFrames: 0, dragMedianMs: 4,
                 dragWorstMs: 16,
                 // The 100 MiB ONNX import; the hand-made CNN's MACs at 67×45 are tests/data/onnx/reference.txt's.
                 onnxImportMs: 2000, onnxMemoryGrowthBytes: 10_000_000, onnxHandmadeMacs: 3_861_632 };
const viewport = { width: 1280, height: 800 };
const dragLink = '#v=1&m=resnet152';

const die = (msg) => { console.error(`measure: ${msg}`); process.exit(2); };

//-----------------------------------------------------------------------------------------------------
// Build both pages (the app and the floor) in the web build tree
//-----------------------------------------------------------------------------------------------------
function run(cmd, cmdArgs) {
  console.log(`$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: repoRoot, stdio: 'inherit',
                                      env: { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' } });
  if (r.status !== 0) die(`${cmd} ${cmdArgs.join(' ')} failed`);
}
if (!args.includes('--no-build')) {
  if (!existsSync(join(buildDir, 'CMakeCache.txt'))) run('cmake', ['--preset', 'web', '-B', buildDir]);
  run('cmake', ['--build', buildDir, '--target', 'flopscope_web', 'flopscope_hello', '-j', '2']);
}
for (const f of ['index.html', 'bench/index.html']) {
  if (!existsSync(join(buildDir, f))) die(`${join(buildDir, f)} is missing (build without --no-build)`);
}

//-----------------------------------------------------------------------------------------------------
// In-page instruments, installed before any page script runs
//-----------------------------------------------------------------------------------------------------
// A "frame" is one task in which WebGL drew: the first draw call of a task counts it, a microtask
// closes it. Each requestAnimationFrame callback is timed; the ones that drew are the frame CPU times.
const instruments = () => {
  const b = (window.__bench = { firstDraw: null, frames: 0, inFrame: false, recording: false, frameMs: [] });
  const proto = window.WebGL2RenderingContext && WebGL2RenderingContext.prototype;
  if (proto) {
    for (const fn of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const orig = proto[fn];
      if (typeof orig !== 'function') continue;
      proto[fn] = function (...a) {
        if (b.firstDraw === null) b.firstDraw = performance.now();
        if (!b.inFrame) {
          b.inFrame = true;
          b.frames++;
          queueMicrotask(() => { b.inFrame = false; });
        }
        return orig.apply(this, a);
      };
    }
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const framesBefore = b.frames;
    const start = performance.now();
    try { cb(t); } finally {
      if (b.recording && b.frames !== framesBefore) b.frameMs.push(performance.now() - start);
    }
  });
};

const pages = {
  app: { name: 'Flopscope app', path: 'index.html' },
  floor: { name: 'ImGui hello floor', path: 'bench/index.html' },
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function open(browser, url) {
  const context = await browser.newContext({ viewport, screen: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await context.addInitScript(instruments);
  const page = await context.newPage();
  const requested = [];
  const errors = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench && window.__bench.firstDraw !== null, null, { timeout: 30000 });
  await page.evaluate(() => window.flopscopeReady);
  return { page, context, requested, errors };
}

//-----------------------------------------------------------------------------------------------------
// The run
//-----------------------------------------------------------------------------------------------------
const server = await serveDirectory(buildDir, { port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
const out = { sizes: {}, startup: {}, idle: {}, drag: {}, notes: [] };
try {
  // Warm the browser (first launch compiles shaders, fills caches) before anything is timed.
  for (const key of ['floor', 'app']) { const o = await open(browser, server.url + pages[key].path); await o.context.close(); }

  // Transfer sizes: every same-origin file the page requested, gzip -9.
  for (const key of ['app', 'floor']) {
    const o = await open(browser, server.url + pages[key].path);
    await sleep(500);
    const files = {};
    for (const u of new Set(o.requested)) {
      if (!u.startsWith(server.url)) continue;
      const rel = decodeURIComponent(new URL(u).pathname).replace(/^\//, '') || 'index.html';
      const file = join(buildDir, rel);
      if (!existsSync(file)) continue;
      const raw = readFileSync(file);
      files[rel] = { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length,
                     br: brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length };
    }
    const sum = (k) => Object.values(files).reduce((s, f) => s + f[k], 0);
    out.sizes[key] = { files, total: sum('gz'), brotli: sum('br') };
    if (key === 'app' && Object.keys(files).some((f) => f.startsWith('onnx_import.')))
      out.importAtFirstLoad = true;
    if (o.errors.length) out.notes.push(`${pages[key].name}: page errors: ${o.errors.join(' | ')}`);
    await o.context.close();
  }

  // Start-up: alternate app and floor so both see the same machine load.
  const t = { app: [], floor: [] };
  for (let i = 0; i < loads; ++i) {
    for (const key of ['floor', 'app']) {
      const o = await open(browser, server.url + pages[key].path);
      t[key].push(await o.page.evaluate(() => window.__bench.firstDraw));
      await o.context.close();
    }
  }
  for (const key of ['app', 'floor']) out.startup[key] = { median: median(t[key]), all: t[key] };

  // Idle: settle (the app pauses its loop; the floor never does), then count frames for 3 s.
  for (const key of ['app', 'floor']) {
    const o = await open(browser, server.url + pages[key].path);
    const hasHook = await o.page.evaluate(() => !!(window.Module && Module.flopscope && Module.flopscope.isPaused));
    if (hasHook) {
      await o.page.waitForFunction(() => Module.flopscope.isPaused(), null, { timeout: 15000, polling: 50 })
        .catch(() => out.notes.push(`${pages[key].name}: the loop did not pause within 15 s`));
    }
    await sleep(1000);
    const before = await o.page.evaluate(() => ({ drawn: window.__bench.frames,
      hook: window.Module && Module.flopscope && Module.flopscope.frameCount ? Module.flopscope.frameCount() : null }));
    await sleep(3000);
    const after = await o.page.evaluate(() => ({ drawn: window.__bench.frames,
      hook: window.Module && Module.flopscope && Module.flopscope.frameCount ? Module.flopscope.frameCount() : null }));
    out.idle[key] = { drawn: after.drawn - before.drawn, hook: before.hook === null ? null : after.hook - before.hook };
    await o.context.close();
  }

  // ONNX import of a 100 MiB file: only the graph's bytes may be read.
  out.onnx = await importBigOnnx(browser);

  // Interaction: drag the cached-fraction slider on resnet152, timing every frame.
  out.drag.app = await dragApp(browser);
  out.drag.floor = await dragFloor(browser);
} finally {
  await browser.close();
  await server.close();
}

//-----------------------------------------------------------------------------------------------------
// A 100 MiB ONNX file: protobuf framing written here (varints and length-delimited fields), so the
// payload is never on disk. ModelProto.graph is field 7; GraphProto.initializer field 5; TensorProto
// dims 1, data_type 2 (1 = float), name 8, raw_data 9.
//-----------------------------------------------------------------------------------------------------
function varint(n) { const b = []; do { let x = n % 128; n = Math.floor(n / 128); if (n > 0) x |= 128; b.push(x); } while (n > 0); return b; }
function field(no, wire) { return varint(no * 8 + wire); }
function readVarint(buf, at) { let v = 0, mul = 1; for (;;) { const x = buf[at++]; v += (x & 127) * mul; mul *= 128; if (x < 128) return [v, at]; } }

// { head, tail }: the file is head + BIG_PAYLOAD_BYTES zero bytes + tail.
function bigOnnxParts(small, payloadBytes) {
  let at = 0;
  while (at < small.length) {
    const start = at;
    const [key, a] = readVarint(small, at);
    const wire = key % 8;
    if (wire === 0) { at = readVarint(small, a)[1]; continue; }
    if (wire !== 2) throw new Error(`unexpected wire type ${wire} at ${start}`);
    const [len, body] = readVarint(small, a);
    at = body + len;
    if (Math.floor(key / 8) !== 7) continue;
    const name = [...Buffer.from('bench_payload')];
    const tensor = [...field(1, 0), ...varint(payloadBytes / 4), ...field(2, 0), 1, ...field(8, 2), ...varint(name.length), ...name,
                    ...field(9, 2), ...varint(payloadBytes)];
    const initializer = [...field(5, 2), ...varint(tensor.length + payloadBytes), ...tensor];
    const graphLen = initializer.length + payloadBytes + len;
    const head = Buffer.concat([small.subarray(0, start), Buffer.from([...field(7, 2), ...varint(graphLen), ...initializer])]);
    const tail = Buffer.concat([small.subarray(body, at), small.subarray(at)]);
    return { head, tail };
  }
  throw new Error('no graph field');
}

async function importBigOnnx(browser) {
  const BIG_PAYLOAD_BYTES = 100 * 1024 * 1024;
  const small = readFileSync(join(repoRoot, 'tests', 'data', 'onnx', 'handmade_cnn_op17.onnx'));
  const { head, tail } = bigOnnxParts(small, BIG_PAYLOAD_BYTES);
  const o = await open(browser, server.url + pages.app.path);
  try {
    await o.page.waitForFunction(() => Module.flopscope.isPaused(), null, { timeout: 15000, polling: 50 });
    return await o.page.evaluate(async ([h, t, n]) => {
      const mib = new Uint8Array(1024 * 1024);  // the payload as 1 MiB parts: the page never holds it in one buffer
      const parts = [new Uint8Array(h)];
      for (let i = 0; i < n / mib.length; ++i) parts.push(mib);
      parts.push(new Uint8Array(t));
      const file = new File(parts, 'big_100MiB.onnx');
      const rec = await Module.flopscope.importOnnx(file);
      const results = JSON.parse(Module.flopscope.resultsJson());
      return { ok: rec.ok, message: rec.message, macs: results.totals ? results.totals.macs : null, ...rec.stats };
    }, [[...head], [...tail], BIG_PAYLOAD_BYTES]);
  } catch (e) {
    return { ok: false, message: String(e && e.message || e) };
  } finally {
    await o.context.close();
  }
}

// Where the cached-fraction slider is, from the app's item registry (Module.flopscope.itemRect, device
// pixels of the last frame) in CSS pixels.
async function findSlider(page) {
  const r = await page.evaluate(() => (typeof Module.flopscope.itemRect === 'function'
    ? { rect: Module.flopscope.itemRect('slider:f'), dpr: devicePixelRatio } : null));
  if (!r || !Array.isArray(r.rect) || r.rect[2] <= 0) return null;
  const [x, y, w, h] = r.rect.map((v) => v / r.dpr);
  return { x0: x, x1: x + w, y: y + h / 2 };
}

// Drags from x0 to x1 and back on row y, one mouse event per ~frame, recording a Chromium trace. Frame
// CPU time is the renderer main thread's CPU time (trace "tdur", not wall time: this machine is shared)
// of each requestAnimationFrame callback that drew; the in-page timer's wall times are kept alongside.
async function timedDrag(browser, page, x0, x1, y) {
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await sleep(100);
  await page.evaluate(() => { window.__bench.frameMs = []; window.__bench.recording = true; });
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const steps = 60;
  for (let i = 1; i <= steps; ++i) {
    // Back and forth across the slider.
    const f = i <= steps / 2 ? i / (steps / 2) : 2 - i / (steps / 2);
    await page.mouse.move(x0 + (x1 - x0) * f, y);
    await sleep(16);
  }
  await page.mouse.up();
  await sleep(200);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const wall = await page.evaluate(() => { window.__bench.recording = false; return window.__bench.frameMs; });
  // Callbacks that drew took at least a few hundred µs; shorter ones are the page's own bookkeeping.
  const cpu = (trace.traceEvents || trace)
    .filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && typeof e.tdur === 'number')
    .map((e) => e.tdur / 1000);
  const drawn = cpu.filter((v) => v >= 0.2);
  return { cpu: drawn.length ? drawn : cpu, wall };
}

function summary(t) {
  return {
    frames: t.cpu.length, median: median(t.cpu), worst: t.cpu.length ? Math.max(...t.cpu) : NaN,
    wallMedian: median(t.wall), wallWorst: t.wall.length ? Math.max(...t.wall) : NaN, wallFrames: t.wall.length,
  };
}

async function dragApp(browser) {
  const o = await open(browser, server.url + pages.app.path + dragLink);
  try {
    await o.page.waitForFunction(() => Module.flopscope.isPaused(), null, { timeout: 15000, polling: 50 }).catch(() => {});
    const model = await o.page.evaluate(() => JSON.parse(Module.flopscope.stateJson())?.model);
    const slider = await findSlider(o.page);
    if (!slider) return { error: `cached-fraction slider not found (Module.flopscope.itemRect('slider:f'); model ${model})` };
    const before = await o.page.evaluate(() => JSON.parse(Module.flopscope.stateJson())?.scenario?.cached_fraction);
    const t = await timedDrag(browser, o.page, slider.x0 + 4, slider.x1 - 4, slider.y);
    const after = await o.page.evaluate(() => JSON.parse(Module.flopscope.stateJson())?.scenario?.cached_fraction);
    return { model, ...summary(t), changed: before !== after };
  } finally { await o.context.close(); }
}

async function dragFloor(browser) {
  const o = await open(browser, server.url + pages.floor.path);
  try {
    await sleep(300);
    // ImGui's first window sits at (60, 60); its slider is the first row under the title bar.
    return summary(await timedDrag(browser, o.page, 70, 250, 90));
  } finally { await o.context.close(); }
}

//-----------------------------------------------------------------------------------------------------
// The table
//-----------------------------------------------------------------------------------------------------
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const rows = [];
const failures = [];
const row = (what, app, floor, ratio, budgetText, status) => rows.push([what, app, floor, ratio, budgetText, status]);

const fileKinds = (files, k) => {
  const kinds = {};
  for (const [name, f] of Object.entries(files)) {
    const ext = name.split('.').pop();
    kinds[ext] = (kinds[ext] || 0) + f[k];
  }
  return kinds;
};
const kinds = { app: fileKinds(out.sizes.app.files, 'gz'), floor: fileKinds(out.sizes.floor.files, 'gz'),
                appBr: fileKinds(out.sizes.app.files, 'br'), floorBr: fileKinds(out.sizes.floor.files, 'br') };
const gzBr = (gz, br) => `${kb(gz)} / ${kb(br)}`;
for (const ext of [...new Set([...Object.keys(kinds.app), ...Object.keys(kinds.floor)])].sort()) {
  row(`  .${ext} gzip / brotli`, gzBr(kinds.app[ext] || 0, kinds.appBr[ext] || 0),
      gzBr(kinds.floor[ext] || 0, kinds.floorBr[ext] || 0), '', '', '');
}
const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const ceilingOk = out.sizes.app.total < budget.pageCeilingBytes;
if (!ceilingOk) failures.push(`the page's transfer size ${bytes(out.sizes.app.total)} gzipped is not under the ${bytes(budget.pageCeilingBytes)} ceiling (budget.pageCeilingBytes in web/bench/measure.mjs; make room, never raise it)`);
row('transfer size (gzip -9, all files)', bytes(out.sizes.app.total), bytes(out.sizes.floor.total), '',
    `< ${bytes(budget.pageCeilingBytes)}`, ceilingOk ? 'ok' : 'FAIL');
// The lazily loaded module (src/web/import_module: the ONNX import and the exports' writers): fetched only
// when a file is dropped or picked or an export menu opens, so it is not part of the first load above, nor
// of its ceiling; its own size is reported here.
const importModule = ['onnx_import.js', 'onnx_import.wasm'].map((f) => join(buildDir, f));
if (importModule.every((f) => existsSync(f))) {
  const gz = importModule.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  out.sizes.importModule = gz;
  if (out.importAtFirstLoad) failures.push('the page requested its lazily loaded module (ONNX import, exports) at first load: it must load only on a dropped or picked file or an export');
  row('lazy module: ONNX import, exports (gzip -9, js+wasm)', bytes(gz), '', '', 'loaded on demand, not part of the first load', 'reported');
} else {
  failures.push('build/web/onnx_import.js or .wasm is missing (the web build makes both)');
}
row('transfer size (brotli 11, all files)', bytes(out.sizes.app.brotli), bytes(out.sizes.floor.brotli), '', '', 'reported');
const sizeRatio = out.sizes.app.total / out.sizes.floor.total;
const sizeOk = sizeRatio <= budget.sizeRatio;
row('  gzipped, vs the floor', '', '', `${sizeRatio.toFixed(2)}×`, `target ≤ ${budget.sizeRatio}×`,
    sizeOk ? 'ok' : 'over (reported)');

const startRatio = out.startup.app.median / out.startup.floor.median;
row(`start-up to first frame (median of ${loads})`, ms(out.startup.app.median), ms(out.startup.floor.median),
    `${startRatio.toFixed(2)}×`, `≤ ${budget.startupRatio}×`, startRatio <= budget.startupRatio ? 'ok' : 'over (reported)');

const idleApp = out.idle.app.drawn;
const idleOk = idleApp <= budget.idleFrames && (out.idle.app.hook === null || out.idle.app.hook <= budget.idleFrames);
if (!idleOk) failures.push(`the app drew ${idleApp} frames (frame counter: ${out.idle.app.hook}) in 3 s without input (budget 0)`);
row('idle frames in 3 s (after settling)', `${idleApp}${out.idle.app.hook !== null ? ` (hook ${out.idle.app.hook})` : ''}`,
    `${out.idle.floor.drawn}`, '', '0 (app)', idleOk ? 'ok' : 'FAIL');

{
  const x = out.onnx;
  if (!x.ok) {
    failures.push(`the 100 MiB ONNX import failed: ${x.message}`);
    row('onnx import, 100 MiB file', x.message, '', '', '', 'FAIL');
  } else {
    const growth = x.wasmMemoryAfter - x.wasmMemoryBefore;
    const growthOk = growth < budget.onnxMemoryGrowthBytes;
    const fetchedOk = x.bytesFetched < x.fileBytes * 0.1;
    const macsOk = x.macs === budget.onnxHandmadeMacs;
    if (!growthOk) failures.push(`the 100 MiB ONNX import grew wasm memory by ${bytes(growth)} (budget < ${bytes(budget.onnxMemoryGrowthBytes)})`);
    if (!fetchedOk) failures.push(`the 100 MiB ONNX import fetched ${bytes(x.bytesFetched)} of the file: the payload was read`);
    if (!macsOk) failures.push(`the 100 MiB ONNX import gave ${x.macs} MACs, not the hand-made CNN's ${budget.onnxHandmadeMacs}`);
    row('onnx import, 100 MiB file: time', ms(x.ms), '', '', `< ${budget.onnxImportMs} ms`, x.ms < budget.onnxImportMs ? 'ok' : 'over (reported)');
    row('  wasm memory growth', bytes(growth), '', '', `< ${bytes(budget.onnxMemoryGrowthBytes)}`, growthOk ? 'ok' : 'FAIL');
    row('  bytes fetched from the file', `${bytes(x.bytesFetched)} in ${x.fetches} slices, ${x.attempts} attempts`, '', '',
        '< 10 % of the file', fetchedOk && macsOk ? 'ok' : 'FAIL');
  }
}

if (out.drag.app.error) {
  row('drag cached fraction: frame CPU median', out.drag.app.error, '', '', `≤ ${budget.dragMedianMs} ms`, 'not measured');
  out.notes.push(out.drag.app.error);
} else {
  const d = out.drag.app, f = out.drag.floor;
  row(`drag cached fraction (${d.model}): median frame CPU`, ms(d.median), ms(f.median), '', `≤ ${budget.dragMedianMs} ms`,
      d.median <= budget.dragMedianMs ? 'ok' : 'over (reported)');
  row(`drag cached fraction (${d.model}): worst frame CPU`, ms(d.worst), ms(f.worst), '', `≤ ${budget.dragWorstMs} ms`,
      d.worst <= budget.dragWorstMs ? 'ok' : 'over (reported)');
  row('  same frames, wall time: median / worst', `${ms(d.wallMedian)} / ${ms(d.wallWorst)}`,
      `${ms(f.wallMedian)} / ${ms(f.wallWorst)}`, '', '', 'shared machine');
  row('  frames drawn during the drag', `${d.frames}`, `${f.frames}`, '', '', d.changed ? 'slider moved' : 'SLIDER DID NOT MOVE');
  if (!d.changed) out.notes.push('the drag did not change the cached fraction: the timed frames may not be the slider\'s');
}

const headers = ['measure', 'app', 'floor', 'ratio', 'budget', 'status'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\nFlopscope web budgets — headless Chromium (SwiftShader), viewport ${viewport.width}×${viewport.height}, DPR 1`);
console.log(`floor: web/bench/hello.cpp built with the app's flags; files: ${Object.keys(out.sizes.app.files).join(', ')} vs ${Object.keys(out.sizes.floor.files).join(', ')}\n`);
console.log(line(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nstart-up loads (ms): app ${out.startup.app.all.map((x) => x.toFixed(0)).join(', ')}; floor ${out.startup.floor.all.map((x) => x.toFixed(0)).join(', ')}`);
for (const n of out.notes) console.log(`note: ${n}`);
if (jsonOut) writeFileSync(resolve(jsonOut), JSON.stringify({ budget, ...out }, null, 2));
if (failures.length) {
  for (const f of failures) console.error(`BUDGET MISSED: ${f}`);
  process.exit(1);
}
console.log(`\ndeterministic budgets: idle frames met; page size under ${bytes(budget.pageCeilingBytes)} gzipped; ratio to the floor ${sizeOk ? 'met' : 'over (reported)'}; timings are reported, not enforced`);
