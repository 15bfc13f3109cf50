#!/usr/bin/env bash
# Builds what a deployment needs from the web build (build/web), into dist/ (git-ignored):
#
#   dist/flopscope.html   one self-contained file: the shell with its CSS, index.js and the wasm (base64,
#                         handed to Emscripten as Module.wasmBinary; the UI font is inside the wasm)
#                         inlined. Opens by double-click from file:// with no server; links and the
#                         fragment work there too.
#   dist/site/            the app (index.html, index.js, index.wasm), example-docs.html and embed.md, for
#                         any static host (see the README's "Deploy").
#
#   tools/dist.sh [--no-build] [OUT_DIR]   (default OUT_DIR: dist; --no-build: use build/web as it is)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
out=${1:-dist}

if [ "$build" -eq 1 ]; then
  cmake --preset web >/dev/null
  cmake --build --preset web
fi
web=build/web
for f in index.html index.js index.wasm onnx_import.js onnx_import.wasm example-docs.html; do
  [ -f "$web/$f" ] || { echo "dist: $web/$f is missing (run the web build)" >&2; exit 1; }
done

rm -rf "$out/site" "$out/flopscope.html"
mkdir -p "$out/site"
# onnx_import.js + .wasm: the page's lazily loaded module (ONNX import, the exports' writers), loaded only
# when a file is dropped or picked or an export menu opens (the single file below holds it inline).
cp "$web/index.html" "$web/index.js" "$web/index.wasm" "$web/onnx_import.js" "$web/onnx_import.wasm" \
   "$web/example-docs.html" web/embed.md "$out/site/"

# The single file: emcc's <script src="index.js"> (inert in the shell's template until the shell starts
# the module) becomes an inline script that first hands over the wasm bytes; before it, the lazily loaded
# module's script and its wasm bytes (src/web/lazy_module.js starts it from there when first needed, so
# imports and exports work from file://). "</script" and "<!--" must not appear inside an inline script;
# neither .js has them, and the check below keeps it so.
node - "$web" "$out/flopscope.html" <<'NODE'
const fs = require('fs');
const [web, target] = process.argv.slice(2);
const html = fs.readFileSync(`${web}/index.html`, 'utf8');
const js = fs.readFileSync(`${web}/index.js`, 'utf8');
const wasm = fs.readFileSync(`${web}/index.wasm`).toString('base64');
const lazyJs = fs.readFileSync(`${web}/onnx_import.js`, 'utf8');
const lazyWasm = fs.readFileSync(`${web}/onnx_import.wasm`).toString('base64');
for (const [name, text] of [['index.js', js], ['onnx_import.js', lazyJs]])
  if (/<\/script|<!--/i.test(text)) throw new Error(`${name} holds "</script" or "<!--": it cannot be inlined`);
const tag = /<script async type="text\/javascript" src="index\.js"><\/script>/;
if (!tag.test(html)) throw new Error('index.html has no <script src="index.js"> to inline');
const bytes = (b64) => '(function (b) { var s = atob(b), a = new Uint8Array(s.length); ' +
  'for (var i = 0; i < s.length; ++i) a[i] = s.charCodeAt(i); return a; })("' + b64 + '")';
const inline = '<script>window.FlopscopeLazyWasm = ' + bytes(lazyWasm) + ';\n' + lazyJs + '</script>\n' +
  '<script>Module.wasmBinary = ' + bytes(wasm) + ';\n' + js + '</script>';
fs.writeFileSync(target, html.replace(tag, () => inline));
NODE

printf 'dist: %s (%s bytes), %s/site/ (%s)\n' "$out/flopscope.html" "$(wc -c < "$out/flopscope.html")" "$out" \
  "$(ls "$out/site" | tr '\n' ' ')"
