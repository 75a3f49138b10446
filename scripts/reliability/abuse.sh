#!/usr/bin/env bash
# Abusive clients against a live release build on loopback (about 1 minute):
# slowloris, slow readers of /v1/export, an idle flood beyond --max-connections,
# clients that send and vanish, 10,000 keep-alive requests, pipelined bursts.
# Builds the release binary if it is missing; CORPUS_API_BIN overrides it.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${CORPUS_API_BIN:-.build/release/corpus-api}"
if [[ ! -x "$BIN" ]]; then
    swift build -c release --product corpus-api
fi
export CORPUS_API_BIN="$(realpath "$BIN")"
exec timeout 300 python3 scripts/reliability/abuse.py
