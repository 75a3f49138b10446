#!/usr/bin/env bash
# Loads the dashboard (GET /) of a running corpus-api in headless Chromium
# and checks it: timeline, indicator charts, observations table, citations
# and export links rendered; no error banners; no sideways scrolling; a click
# on an event shows its quote and passage; a search shows highlighted
# results; no console errors; the dashboard and /docs served with a
# default-src 'self' Content-Security-Policy and no violation of it (a
# securitypolicyviolation listener installed before the page's own scripts).
# Saves full-page screenshots at 1280×900 and
# 390×844. Prints one line per check and "N passed, N failed"; exits 1 on
# any failure. Bounded: each browser session gives up after a few minutes.
#
#   scripts/browser-check.sh http://127.0.0.1:8080 /tmp/browser-check
#
# Needs chromium (installed with apt-get when missing) and Node ≥ 20.10.
set -euo pipefail

BASE_URL=${1:?usage: scripts/browser-check.sh BASE_URL OUTDIR}
OUTDIR=${2:?usage: scripts/browser-check.sh BASE_URL OUTDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

find_chromium() {
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
  return 1
}

CHROMIUM=$(find_chromium || true)
if [[ -z "$CHROMIUM" ]]; then
  echo "chromium not found; installing Debian's chromium"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  timeout 600 $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq chromium >/dev/null
  CHROMIUM=$(find_chromium) || { echo "FAIL chromium could not be installed"; echo "0 passed, 1 failed"; exit 1; }
fi

# The reference lists include Chinese titles; without a CJK font the
# screenshots would show empty boxes where the page is fine. Best effort.
if command -v fc-list >/dev/null 2>&1 && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]] && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  echo "no Chinese font; installing fonts-wqy-microhei for honest screenshots"
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || echo "(font install failed; Chinese text may show as boxes)"
fi

command -v node >/dev/null 2>&1 || { echo "FAIL node is needed for the DevTools client"; echo "0 passed, 1 failed"; exit 1; }
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
NODE_FLAGS=(--no-warnings)
if (( NODE_MAJOR < 22 )); then NODE_FLAGS+=(--experimental-websocket); fi

if ! curl -fsS -o /dev/null -H 'Accept: text/html' --max-time 10 "${BASE_URL%/}/"; then
  echo "FAIL server answers GET / at $BASE_URL"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "$("$CHROMIUM" --version 2>/dev/null || echo chromium) against $BASE_URL; screenshots in $OUTDIR"
timeout 300 node "${NODE_FLAGS[@]}" "$HERE/browser-check.mjs" "$CHROMIUM" "$BASE_URL" "$OUTDIR" 1280x900 390x844
