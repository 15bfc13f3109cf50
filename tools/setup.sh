#!/usr/bin/env bash
# Installs everything Flopscope needs to build and test, and nothing that is already there.
#
#   - Debian packages (emscripten, cmake, doctest, chromium, node/npm, fonts, clang for fuzzing, ...)
#   - Dear ImGui 1.90.1 sources from Debian's source archive (suite trixie), unpacked into
#     third_party/imgui-1.90.1 (git-ignored). Skipped when IMGUI_DIR points at an ImGui tree.
#   - playwright-core for the browser tests and google-closure-compiler-java for the web build
#     (web/package-lock.json, `npm ci`).
#
# Idempotent: a second run checks and changes nothing. Non-interactive; runs as root (or through sudo).
# Only Debian's archive and the npm registry are contacted.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DEBIAN_FRONTEND=noninteractive

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "need root for: $*"; exit 1
  fi
}

# ---- Debian packages ---------------------------------------------------------------------------
# g++ and make: the native compiler (with clang installed too, Debian's c++ alternative stays g++).
# libonnx-testdata: ONNX's own node/model test files (27 MB), read by tests/onnx_testdata_test.cpp.
packages=(g++ make cmake doctest-dev emscripten chromium fonts-inter python3-fonttools clang libclang-rt-14-dev
          xz-utils dpkg-dev ca-certificates debian-archive-keyring libonnx-testdata)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node and npm: any install is fine (Debian's, or a vendor's nodejs that bundles npm).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# java: runs the Closure Compiler (npm google-closure-compiler-java) that the web build's emcc --closure 1 uses.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

apt_lists_fresh() {
  # Package lists exist and were refreshed within the last 6 hours.
  local newest
  newest=$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -360 -print -quit 2>/dev/null)
  [ -n "$newest" ]
}

if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_lists_fresh || as_root apt-get update -q
  if ! as_root apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

# ---- Dear ImGui 1.90.1 sources -----------------------------------------------------------------
imgui_ok() { [ -f "$1/imgui.cpp" ] && [ -f "$1/backends/imgui_impl_glfw.cpp" ] && [ -f "$1/backends/imgui_impl_opengl3.cpp" ]; }

if [ -n "${IMGUI_DIR:-}" ]; then
  imgui_ok "$IMGUI_DIR" || { say "IMGUI_DIR=$IMGUI_DIR is not an ImGui source tree"; exit 1; }
  say "using ImGui from IMGUI_DIR=$IMGUI_DIR"
elif ! imgui_ok "$root/third_party/imgui-1.90.1"; then
  src_list=/etc/apt/sources.list.d/flopscope-trixie-src.sources
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  # bookworm's keyring carries trixie's archive key since 2023.3+deb12u1; older images need an upgrade.
  if [ ! -f /usr/share/keyrings/debian-archive-trixie-automatic.gpg ]; then
    say "upgrading debian-archive-keyring for trixie's signing key"
    as_root apt-get update -q
    as_root apt-get install -y -q debian-archive-keyring
  fi
  if [ ! -f "$src_list" ]; then
    say "adding $src_list (deb-src, trixie main)"
    as_root tee "$src_list" >/dev/null <<EOF
# Added by Flopscope's tools/setup.sh: Debian trixie SOURCE packages only (Dear ImGui 1.90.1 sources).
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: $keyring
EOF
  fi
  # Refresh only that source index (leaves the binary package lists alone).
  if ! ls /var/lib/apt/lists/*_dists_trixie_main_source_Sources* >/dev/null 2>&1; then
    as_root apt-get update -q -o Dir::Etc::sourcelist="$src_list" -o Dir::Etc::sourceparts=- \
      -o APT::Get::List-Cleanup=0
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  chmod 755 "$work"
  [ "$(id -u)" -ne 0 ] || ! id _apt >/dev/null 2>&1 || chown _apt "$work"
  say "fetching imgui 1.90.1+ds-1 sources from Debian"
  (cd "$work" && apt-get source -q --download-only imgui=1.90.1+ds-1)
  mkdir -p "$root/third_party"
  rm -rf "$root/third_party/imgui-1.90.1"
  tar -xJf "$work"/imgui_1.90.1+ds.orig.tar.xz -C "$root/third_party"
  imgui_ok "$root/third_party/imgui-1.90.1" || { say "unpacked ImGui tree is incomplete"; exit 1; }
  say "ImGui 1.90.1 unpacked into third_party/imgui-1.90.1"
fi

# ---- npm: playwright-core (browser tests), google-closure-compiler-java (web build) -----------
lock="$root/web/package-lock.json"
stamp="$root/web/node_modules/.flopscope-lock.sha256"
want=$(sha256sum "$lock" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "npm ci in web/"
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

say "ready"
