#!/usr/bin/env bash
# Builds the pages into target/classes/web (Maven packs them into this module's jar). Installs the npm
# packages from package-lock.json first when they are missing or the lock file changed.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "Node.js and npm are needed to build the pages (apt-get install nodejs npm)" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || { echo "Node.js 18 or later is needed to build the pages (this is $(node --version))" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx --no-install vite build --logLevel warn
