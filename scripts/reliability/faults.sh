#!/usr/bin/env bash
# Faults against a live release build (about 1 minute): failed reloads (bad JSON,
# missing text, a quote not in its document) under load via POST /admin/reload and SIGHUP,
# SIGTERM under load, no access-log line lost on SIGTERM (json and text), descriptor
# exhaustion (ulimit -n 64), unreadable corpus paths.
# Builds the release binary if it is missing; CORPUS_API_BIN overrides it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
run_live_check faults
