#!/usr/bin/env bash
# Live security checks (about 15 s): traversal targets, CR/LF in X-Request-Id and
# query values, chunked / Content-Length / Host smuggling attempts, hardening headers,
# the admin token kept out of JSON and text logs, the Dockerfile USER.
# Builds the release binary if it is missing; CORPUS_API_BIN overrides it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
run_live_check security
