#!/usr/bin/env bash
# CI check: the committed docs/diagrams/*.svg are exactly what the renderer
# makes from processes/*.bpmn now. Fails when a model does not render (import
# error or warning), when a diagram differs or was removed, or when a model has
# no committed diagram yet.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

npm ci --prefix docs/render --no-audit --no-fund
node docs/render/render.mjs

stale() {
  echo "docs/diagrams is stale: run docs/render/render.sh and commit the result" >&2
  exit 1
}

git diff --exit-code --stat -- docs/diagrams || stale
untracked="$(git status --porcelain --untracked-files=all -- docs/diagrams | grep '^??' || true)"
if [[ -n "$untracked" ]]; then
  echo "not committed:" >&2
  printf '%s\n' "$untracked" >&2
  stale
fi
echo "docs/diagrams: up to date"
