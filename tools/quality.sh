#!/usr/bin/env bash
# Flopscope's quality checks (issue #7), run by tools/test.sh and runnable alone:
#
#   bash tools/quality.sh [--fuzz-seconds N] [--no-fuzz] [--no-bench] [--no-web]
#
#   1. fuzz   the libFuzzer targets (clang, ASan + UBSan; `fuzz` preset, build/fuzz) for N seconds in
#             all (default 60), split over fuzz_link_decode, fuzz_link, fuzz_link_roundtrip and fuzz_core, from
#             the committed seed corpora (copied: the committed ones are not changed). A crash or a broken
#             property fails, and the input is left in build/fuzz/artifacts/.
#   2. bench  the native core benchmark (build/native/tools/flopscope_bench): resnet152, 1,001-point
#             sweeps; timings are printed, not enforced.
#   3. web    web/bench/measure.mjs: transfer size, start-up, idle frames, interaction, app vs the ImGui
#             floor; fails only on the deterministic budgets (transfer size, idle frames).
# Ends with "N passed, N failed" and exits non-zero when a step failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

fuzz_seconds=60 do_fuzz=1 do_bench=1 do_web=1
while [ $# -gt 0 ]; do
  case $1 in
    --fuzz-seconds) fuzz_seconds=$2; shift 2 ;;
    --no-fuzz) do_fuzz=0; shift ;;
    --no-bench) do_bench=0; shift ;;
    --no-web) do_web=0; shift ;;
    *) echo "usage: tools/quality.sh [--fuzz-seconds N] [--no-fuzz] [--no-bench] [--no-web]" >&2; exit 2 ;;
  esac
done

steps_label="quality: "
source tools/lib/steps.sh

# fuzz_one TARGET SEED_DIR SECONDS [DICT]
fuzz_one() {
  local target=$1 seeds=$2 secs=$3 dict=${4:-}
  local work=build/fuzz/corpus-$target log=build/fuzz/$target.log
  mkdir -p "$work" build/fuzz/artifacts
  local args=(-max_total_time="$secs" -print_final_stats=1 -max_len=4096 -artifact_prefix=build/fuzz/artifacts/"$target"-)
  [ -n "$dict" ] && args+=(-dict="$dict")
  if ASAN_OPTIONS=malloc_context_size=0:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       build/fuzz/fuzz/"$target" "${args[@]}" "$work" "$seeds" >"$log" 2>&1; then
    printf '%-22s %10s executions in %ss, clean\n' "$target" \
      "$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")" "$secs"
  else
    echo "$target FAILED; the last lines of $log:"
    tail -n 40 "$log"
    return 1
  fi
}

fuzz() {
  cmake --preset fuzz >/dev/null && cmake --build --preset fuzz || return 1
  local share=$(( fuzz_seconds / 4 > 0 ? fuzz_seconds / 4 : 1 ))
  local ok=0
  fuzz_one fuzz_link_decode tools/fuzz/corpus/link "$share" tools/fuzz/link.dict || ok=1
  fuzz_one fuzz_link tools/fuzz/corpus/link "$share" tools/fuzz/link.dict || ok=1
  fuzz_one fuzz_link_roundtrip tools/fuzz/corpus/link "$share" tools/fuzz/link.dict || ok=1
  fuzz_one fuzz_core tools/fuzz/corpus/core "$share" || ok=1
  return $ok
}

bench() {
  { [ -f build/native/CMakeCache.txt ] || cmake --preset native >/dev/null; } &&
    cmake --build --preset native --target flopscope_bench >/dev/null &&
    build/native/tools/flopscope_bench
}

# Enforced: the page's gzipped transfer under 307,200 bytes and 0 idle frames; the ratio to the floor
# and the timings are reported.
web() {
  node web/bench/measure.mjs --json "${FLOPSCOPE_WEB_DIR:-build/web}/bench/measure.json"
}

[ $do_fuzz = 1 ] && step "fuzz (${fuzz_seconds}s, ASan+UBSan)" fuzz
[ $do_bench = 1 ] && step "core benchmark" bench
[ $do_web = 1 ] && step "web budgets (measure.mjs)" web

printf '\n==== quality: summary ====\n'
steps_table
steps_result "quality: "
