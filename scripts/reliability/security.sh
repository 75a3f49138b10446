#!/usr/bin/env bash
# Live security checks (about 10 s): traversal targets, CR/LF in X-Request-Id and
# query values, the admin token kept out of JSON and text logs, the Dockerfile USER.
# Builds the release binary if it is missing; CORPUS_API_BIN overrides it.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${CORPUS_API_BIN:-.build/release/corpus-api}"
if [[ ! -x "$BIN" ]]; then
    swift build -c release --product corpus-api
fi
export CORPUS_API_BIN="$(realpath "$BIN")"
exec timeout 300 python3 scripts/reliability/security.py
