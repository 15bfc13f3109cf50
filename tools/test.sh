#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test:
#   native build + doctest suite (CTest), the same suite under ASan/UBSan, the web build, the
#   browser tests (node --test, Playwright + Debian's Chromium), and tools/quality.sh (a short fuzz
#   run, the core benchmark, the web budgets). Ends with "N passed, N failed";
#   exits non-zero if any step failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# step, skip, last_passed and the summary table (shared with tools/quality.sh).
source tools/lib/steps.sh

step "setup (tools/setup.sh)" bash tools/setup.sh
if last_passed; then
  step "native build" bash -c 'cmake --preset native && cmake --build --preset native'
  if last_passed; then step "native tests (ctest)" ctest --preset native
  else skip "native tests (ctest)" "the native build failed"; fi

  step "sanitize build (ASan+UBSan)" bash -c 'cmake --preset sanitize && cmake --build --preset sanitize'
  if last_passed; then step "sanitize tests (ctest)" ctest --preset sanitize
  else skip "sanitize tests (ctest)" "the sanitize build failed"; fi

  step "web build (Emscripten)" bash -c 'cmake --preset web && cmake --build --preset web'
  # The 40-embed test times each embed's wake (issue 14: within 2 s), so it runs alone, after the others.
  # Without embind the page starts faster: wakes took 70-630 ms here at load 5-7 (four runs).
  if last_passed; then step "browser tests (node --test)" bash -c \
      'node --test $(ls web/tests/*.test.mjs | grep -v many-embeds) &&
       node --test web/tests/many-embeds.test.mjs'
  else skip "browser tests (node --test)" "the web build failed"; fi

  # ~60 s of fuzzing (ASan+UBSan), the core benchmark, the web size/start-up/idle budgets (issue #7).
  step "quality (tools/quality.sh)" bash tools/quality.sh
else
  for s in "native build" "native tests (ctest)" "sanitize build (ASan+UBSan)" "sanitize tests (ctest)" \
           "web build (Emscripten)" "browser tests (node --test)" "quality (tools/quality.sh)"; do
    skip "$s" "setup failed"
  done
fi

printf '\n==== summary ====\n'
steps_table
for f in build/web/index.html build/web/index.js build/web/index.wasm; do
  [ -f "$f" ] && printf 'size  %-32s %7s bytes gzipped\n' "$f" "$(gzip -9c "$f" | wc -c)"
done
[ -f build/web-test/smoke.png ] && echo "screenshot: build/web-test/smoke.png"
echo
steps_result
