#!/usr/bin/env bash
# Abusive clients against a live release build on loopback (about 1 minute):
# slowloris, slow readers of /v1/export, an idle flood beyond --max-connections,
# clients that send and vanish, 10,000 keep-alive requests, pipelined bursts.
# Builds the release binary if it is missing; CORPUS_API_BIN overrides it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
run_live_check abuse
