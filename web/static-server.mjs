// A tiny static file server for the built page (build/web): correct MIME types (the .wasm must be
// application/wasm for streaming compilation), revalidated on every load (an ETag and 304, like a
// static host: the browser's caches, and V8's code caches for index.js and index.wasm, work, and a
// rebuilt file is never served stale), nothing outside the root. Used by
// tools/serve.sh and by the browser tests' harness.
//
//   node web/static-server.mjs <root> [port] [host]     (defaults: 8080, 127.0.0.1)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// Serves `root` on host:port (port 0 = any free port). Resolves to { url, close() }.
export async function serveDirectory(root, { port = 0, host = '127.0.0.1' } = {}) {
  root = resolve(root);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${join(root, 'index.html')} is missing: build the web preset first (cmake --workflow --preset web)`);
  }
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
      if (!file.startsWith(root + sep)) throw new Error('outside the root');
      const info = await stat(file);
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
        res.end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ETag: etag });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const address = server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'build/web', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  try {
    await serveDirectory(root, { port: Number(port), host });
    console.log(`Flopscope is served at http://localhost:${port}/  (Ctrl+C stops)`);
  } catch (e) {
    console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT=... to pick another.` : e.message);
    process.exit(1);
  }
}
