#!/usr/bin/env bash
# Renders every processes/*.bpmn to docs/diagrams/<name>.svg (bpmn-js in
# headless Chromium). Run it after changing a model and commit the SVGs with it:
# CI (docs/render/check.sh) fails when a committed diagram is stale.
#
# Needs Node >= 20 and Chromium (Debian: apt-get install --no-install-recommends
# chromium); set CHROMIUM_PATH if it is not /usr/bin/chromium. No browser is
# downloaded: playwright-core only drives the system Chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

npm ci --prefix docs/render --no-audit --no-fund
node docs/render/render.mjs
