#!/usr/bin/env bash
# Faults against a live release build (about 1 minute): failed reloads (bad JSON,
# missing text, a quote not in its document) under load via POST /admin/reload and SIGHUP,
# SIGTERM under load, descriptor exhaustion (ulimit -n 64), unreadable corpus paths.
# Builds the release binary if it is missing; CORPUS_API_BIN overrides it.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${CORPUS_API_BIN:-.build/release/corpus-api}"
if [[ ! -x "$BIN" ]]; then
    swift build -c release --product corpus-api
fi
export CORPUS_API_BIN="$(realpath "$BIN")"
exec timeout 300 python3 scripts/reliability/faults.py
