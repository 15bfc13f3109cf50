#!/usr/bin/env bash
# Installs what is missing, builds the web app and serves it on http://localhost:8080/ (PORT=... to
# change the port). Ctrl+C stops the server.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash tools/setup.sh
cmake --preset web
cmake --build --preset web

port=${PORT:-8080}
# Prints "Flopscope is served at http://localhost:PORT/" once it listens.
exec node web/static-server.mjs build/web "$port" 127.0.0.1
