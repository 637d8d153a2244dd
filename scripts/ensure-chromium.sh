#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (test/e2e) when /usr/bin/chromium is missing. The tests drive it
# through playwright-core; no browser is ever downloaded another way (never `npx playwright install`).
# Without apt-get (e.g. macOS) it only warns: the browser tests then skip with a message.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing and apt-get is not available; the browser tests will skip" >&2
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium
/usr/bin/chromium --version
