#!/usr/bin/env bash
# Installs the system packages the test suite needs. Idempotent; safe to run on a developer machine.
# Servers (redis-server, the moto S3 server from the image's pyenv Python, munged/slurmctld/slurmd) are started by test fixtures.
# Exits non-zero, naming what is missing, when anything the tests need could not be installed or found.
set -euo pipefail
fail() { echo "setup: $*" >&2; exit 1; }

need=(python3-pandas python3-numpy)   # Python interop tests of the formats (/usr/bin/python3.11)
need+=(git)                           # Experiments tests create real git repositories
need+=(redis-server)                  # Redis lock tests
need+=(slurm-wlm munge)               # Slurm executor tests (a one-node cluster started by their fixture)
need+=(chromium chromium-driver)      # gokart ui browser tests (Selenium drives /usr/bin/chromium via /usr/bin/chromedriver)
# GoKart.Arrow interop tests read/write feather with npm's apache-arrow: the image's Node.js (nodesource) ships npm;
# Debian's packages only where there is none (Debian's npm would fight the nodesource nodejs).
command -v npm >/dev/null || need+=(nodejs npm)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq || fail "apt-get update failed; could not install: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install failed; could not install: ${missing[*]}"
fi

# Check what the tests call, not only what dpkg says.
command -v redis-server >/dev/null || fail "redis-server is not on the PATH (package redis-server)"
command -v git >/dev/null || fail "git is not on the PATH (package git)"
for c in slurmctld slurmd sbatch; do command -v "$c" >/dev/null || fail "$c is not on the PATH (package slurm-wlm)"; done
command -v munged >/dev/null || fail "munged is not on the PATH (package munge)"
# One at a time: `command -v a b` succeeds when either is found.
for c in chromium chromedriver; do command -v "$c" >/dev/null || fail "$c is not on the PATH (packages chromium chromium-driver), needed by the gokart ui browser tests"; done
/usr/bin/python3.11 -c 'import pandas, numpy' 2>/dev/null \
  || fail "/usr/bin/python3.11 cannot import pandas and numpy (packages python3-pandas python3-numpy)"
# The moto S3 server ships with the image's pyenv Python 3.11.7 (the fixture's first choice).
if ! "$HOME/.pyenv/versions/3.11.7/bin/python3" -c 'import moto.server' 2>/dev/null && ! python3 -c 'import moto.server' 2>/dev/null; then
  fail "the moto S3 server is not importable from ~/.pyenv/versions/3.11.7/bin/python3 or python3 (pip install 'moto[server]')"
fi
# npm's apache-arrow (pinned in package-lock.json) for GoKart.Arrow's interop tests, beside their script.
( cd "$(dirname "$0")/../tests/GoKart.Arrow.Tests/js" && timeout 600 npm ci --no-audit --no-fund --silent ) \
  || fail "npm ci of apache-arrow for the GoKart.Arrow tests failed (tests/GoKart.Arrow.Tests/js)"
