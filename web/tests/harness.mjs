// Shared helpers for Flopscope's browser tests (node --test): a loopback static server for build/web,
// Debian's Chromium through playwright-core (SwiftShader WebGL2), pages that record every console
// error/warning and failed request, and small readers of the embind test hook (Module.flopscope).
import { before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveDirectory } from '../static-server.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webDir = process.env.FLOPSCOPE_WEB_DIR || join(repoRoot, 'build', 'web');
export const artifactsDir = process.env.FLOPSCOPE_TEST_ARTIFACTS || join(repoRoot, 'build', 'web-test');

// Serves `root` (default build/web) on 127.0.0.1 at a free port. Resolves to { url, close() }.
export function startServer(root = webDir) {
  return serveDirectory(root, { port: 0, host: '127.0.0.1' });
}

// One static server and one browser for a whole test file, started before its first test and closed
// after its last. Returns an object whose `server` and `browser` are set once `before` has run.
export function shareServerAndBrowser() {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

export const chromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
}

// A fresh context + page. `screen` differs from the viewport: Emscripten 3.1.6's GLFW (still in the floor
// page, web/bench/hello.cpp; the app has its own platform layer) requests
// fullscreen when the window is resized to exactly the screen size. Every console error or warning,
// uncaught exception, failed request and HTTP error is recorded in page.problems.
export async function openPage(browser, { width = 800, height = 600, deviceScaleFactor = 1, colorScheme = 'light', hasTouch = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    screen: { width: 1920, height: 1080 },
    deviceScaleFactor,
    colorScheme,
    hasTouch,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.problems = problems;
  page.closeAll = () => context.close();
  return page;
}

// Loads the app and waits for window.flopscopeReady (the first frame is on screen).
export async function loadApp(page, url, { timeout = 30000 } = {}) {
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForFunction(() => window.flopscopeReady !== undefined, null, { timeout });
  await page.evaluate(() => window.flopscopeReady.then(() => true));
}

export const hook = {
  frameCount: (page) => page.evaluate(() => Module.flopscope.frameCount()),
  isPaused: (page) => page.evaluate(() => Module.flopscope.isPaused()),
  state: (page) => page.evaluate(() => JSON.parse(Module.flopscope.stateJson())),
  results: (page) => page.evaluate(() => JSON.parse(Module.flopscope.resultsJson())),
};

// Waits until the render loop has paused (the UI has settled).
export async function waitPaused(page, timeout = 10000) {
  await page.waitForFunction(() => Module.flopscope.isPaused(), null, { timeout, polling: 50 });
}

// Opens `url` as a fresh page load (not a hashchange) and waits until the page has settled.
export async function openFresh(page, url) {
  await page.goto('about:blank');
  await loadApp(page, url);
  await waitPaused(page);
}

// The named item's rectangle in CSS pixels, scrolling the panel under `scrollX` with the wheel until it
// is fully on screen (an item of an open popup is never scrolled: it is on screen or the popup is short).
export async function revealItem(page, name, scrollX = 120) {
  const { dpr, height } = await page.evaluate(() => ({ dpr: devicePixelRatio, height: innerHeight }));
  for (let i = 0; i < 25; ++i) {
    await waitPaused(page);
    const rect = await page.evaluate((n) => Module.flopscope.itemRect(n), name);
    if (rect && rect[1] >= 0 && (rect[1] + rect[3]) / dpr <= height) return rect.map((v) => v / dpr);
    await page.mouse.move(scrollX, height / 2);
    await page.mouse.wheel(0, 120);
  }
  throw new Error(`item "${name}" is not on screen`);
}

// Clicks the centre of a named item (press, a short hold, release) and waits until the page settles.
export async function clickItem(page, name, scrollX = 120) {
  const [x, y, w, h] = await revealItem(page, name, scrollX);
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await waitPaused(page);
}

// Runs `action` on a settled page and returns how many frames it caused before the loop paused again.
export async function framesCausedBy(page, action) {
  await waitPaused(page);
  const before = await hook.frameCount(page);
  await action();
  await page.waitForFunction((n) => Module.flopscope.frameCount() > n, before, { timeout: 5000, polling: 20 });
  await waitPaused(page);
  return (await hook.frameCount(page)) - before;
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

export async function saveArtifact(name, bytes) {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, name);
  await writeFile(path, bytes);
  return path;
}

// Minimal PNG decoder for Chromium's screenshots (8-bit RGB/RGBA, not interlaced): { width, height, rgba }.
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const kind = buf.toString('ascii', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4); type = data[9];
      if (data[8] !== 8 || (type !== 2 && type !== 6) || data[12] !== 0) throw new Error('unsupported PNG format');
    } else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    off += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; ++i) {
      const a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + p) & 0xff;
    }
    for (let x = 0; x < width; ++x) {
      out[(y * width + x) * 4] = line[x * bpp];
      out[(y * width + x) * 4 + 1] = line[x * bpp + 1];
      out[(y * width + x) * 4 + 2] = line[x * bpp + 2];
      out[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, rgba: out };
}

// Number of distinct RGB colours in a decoded image (a blank canvas has 1).
export function distinctColors({ rgba }) {
  const seen = new Set();
  for (let i = 0; i < rgba.length; i += 4) seen.add((rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2]);
  return seen.size;
}

// The native CLI (tools/test.sh builds it before the browser tests): `flopscope --link … --format json`
// is the reference the page's numbers are checked against.
export const cliPath = process.env.FLOPSCOPE_CLI || join(repoRoot, 'build', 'native', 'src', 'cli', 'flopscope');

// Runs the CLI; { status, stdout, stderr }.
export function runCli(args) {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: build the native preset first (cmake --workflow --preset native)`);
  const r = spawnSync(cliPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

// The canonical fragment of a link's state (the CLI's "link" key).
export function cliLink(link) {
  const r = runCli(['--link', link, '--format', 'json']);
  if (r.status !== 0) throw new Error(`flopscope --link ${link}: ${r.stderr}`);
  return JSON.parse(r.stdout).link;
}

// A link from a file of tests/data/links as the page receives it in location.hash: the surrounding
// white space dropped, bytes a URL cannot hold (controls, space, non-ASCII) %-escaped, then the URL
// parser's own escaping of the fragment.
export function linkFromFile(path) {
  let bytes = readFileSync(path);
  let start = 0, end = bytes.length;
  while (start < end && /\s/.test(String.fromCharCode(bytes[start]))) ++start;
  while (end > start && /\s/.test(String.fromCharCode(bytes[end - 1]))) --end;
  bytes = bytes.subarray(start, end);
  let text = '';
  for (const b of bytes) text += b <= 0x20 || b >= 0x7f ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  if (!text.startsWith('#')) text = `#${text}`;
  return new URL(`http://localhost/${text}`).hash;
}
