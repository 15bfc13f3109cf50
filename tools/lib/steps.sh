# Steps with a PASS/FAIL and a time each, and the summary that ends tools/test.sh and tools/quality.sh.
# Sourced (bash); `steps_label` prefixes each step's heading ("quality: " in tools/quality.sh).
#
#   step NAME COMMAND...   runs COMMAND, records PASS or FAIL and its time
#   skip NAME REASON       a step that could not run because an earlier one failed (counts as failed)
#   last_passed            true when the last recorded step passed
#   steps_table            one line per step: result, name, seconds
#   steps_result [PREFIX]  "PREFIX<N> passed, <N> failed"; returns non-zero when a step failed

names=() results=() seconds=()
failed=0
steps_label=${steps_label:-}

step() {
  local name=$1; shift
  printf '\n==== %s%s ====\n' "$steps_label" "$name"
  local start=$SECONDS
  if "$@"; then results+=(PASS); else results+=(FAIL); failed=$((failed + 1)); fi
  names+=("$name"); seconds+=($((SECONDS - start)))
}

skip() {
  printf '\n==== %s%s ====\nnot run: %s\n' "$steps_label" "$1" "$2"
  names+=("$1"); results+=(FAIL); seconds+=(0); failed=$((failed + 1))
}

last_passed() { [ "${results[${#results[@]}-1]}" = PASS ]; }

steps_table() {
  for i in "${!names[@]}"; do printf '%s  %-32s %4ss\n' "${results[$i]}" "${names[$i]}" "${seconds[$i]}"; done
}
steps_result() {
  echo "${1:-}$(( ${#names[@]} - failed )) passed, ${failed} failed"
  [ "$failed" -eq 0 ]
}
