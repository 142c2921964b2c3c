#!/usr/bin/env bash
# Installs the system packages the test suite needs. Idempotent; safe to run on a developer machine.
set -euo pipefail
need=(redis-server)
# (packages are added here by the features that need them)
if [ ${#need[@]} -gt 0 ]; then
  missing=()
  for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
