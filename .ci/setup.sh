#!/usr/bin/env bash
# Installs the system packages the test suite needs. Idempotent; safe to run on a developer machine.
# Servers (redis-server, the moto S3 server from the image's pyenv Python) are started by test fixtures.
set -euo pipefail
need=(python3-pandas python3-numpy)   # Python interop tests of the formats (/usr/bin/python3.11)
need+=(git)                           # Experiments tests create real git repositories
need+=(redis-server)                  # Redis lock tests
need+=(nodejs npm)                    # GoKart.Arrow interop tests read/write feather with npm's apache-arrow
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The moto S3 server ships with the image's pyenv Python 3.11.7; fail early and clearly if it is missing.
if ! python3 -c 'import moto.server' 2>/dev/null && ! "$HOME/.pyenv/versions/3.11.7/bin/python3" -c 'import moto.server' 2>/dev/null; then
  echo "setup: the moto S3 server is not importable from python3 or ~/.pyenv/versions/3.11.7/bin/python3" >&2
  exit 1
fi
# npm's apache-arrow (pinned in package-lock.json) for GoKart.Arrow's interop tests, beside their script.
( cd "$(dirname "$0")/../tests/GoKart.Arrow.Tests/js" && npm ci --no-audit --no-fund --silent )
