#!/usr/bin/env bash
# The browser suite: Debian's chromium driven by playwright-core against a real Woes server.
# Installs chromium with apt-get when it is missing (never `npx playwright install`).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium (apt-get)"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npm run test:browser
