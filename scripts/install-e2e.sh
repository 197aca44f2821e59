#!/usr/bin/env bash
# Installs everything the real-editor tests (test/e2e) need, on a fresh Debian bookworm
# machine with Node 20, as root, with only the npm registry and Debian's apt reachable.
#
# Idempotent: every step checks first and is skipped when already done, so `npm run test:e2e`
# can call it on every run (a warm run costs well under a second).
#
# Layout (all under .e2e/, which is gitignored, so the project's own package.json and
# node_modules stay untouched):
#   .e2e/code-server/   code-server 4.100.3 = the real VS Code 1.100.3 server, web workbench
#                       and Node extension host (the only VS Code build installable offline)
#   .e2e/tools/         playwright-core (drives Debian's chromium) and mocha (loaded by the
#                       suite that runs inside the extension host)
#
# Usage: scripts/install-e2e.sh [--emacs]   (env NEWSDUMP_E2E_DIR overrides the .e2e location)
#        --emacs also installs emacs-nox + elpa-eglot for the optional third client test
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
E2E=${NEWSDUMP_E2E_DIR:-$ROOT/.e2e}

# code-server 4.100.3 is the last 4.x whose engines.node is 20 (4.103+ need Node 22).
CS_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.64.1
MOCHA_VERSION=11.8.0

log() { printf '[install-e2e] %s\n' "$*"; }

# ---------------------------------------------------------------------------------------
# 1. Debian packages
#    chromium      the browser that shows code-server's workbench (never `playwright install`:
#                  it downloads a browser build, which this network does not allow)
#    fonts-*       a font for the workbench's text in screenshots (explicit, not left to
#                  chromium's recommends)
#    neovim        second real LSP client (0.7.x on bookworm)
#    ripgrep       stands in for @vscode/ripgrep's GitHub download (same rg 13.0.0)
#    libkrb5-dev, pkg-config, g++, make, python3   native addons of code-server (kerberos,
#                  node-pty, argon2) build from source against Node's headers
#    python3-distributed   Dask for test/pipeline/dask.test.ts (skipped without it); .ci/run
#                  relies on this script for it
# ---------------------------------------------------------------------------------------
APT_PKGS=(chromium fonts-dejavu-core fonts-liberation neovim ripgrep libkrb5-dev pkg-config g++ make python3 python3-distributed)
for a in "$@"; do
  case $a in
    --emacs) APT_PKGS+=(emacs-nox elpa-eglot) ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # with recommends, as in the tried recipe (chromium's recommends bring mesa and friends)
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "apt: all packages present"
fi
command -v chromium >/dev/null || { log "chromium missing after apt"; exit 1; }

# ---------------------------------------------------------------------------------------
# 2. code-server
# ---------------------------------------------------------------------------------------
CS_DIR=$E2E/code-server
CS_PKG=$CS_DIR/node_modules/code-server
CS_STAMP=$CS_DIR/.installed-$CS_VERSION   # written only after every step below succeeded
if [ -f "$CS_STAMP" ] && [ -f "$CS_PKG/out/node/entry.js" ]; then
  log "code-server $CS_VERSION: already installed"
else
  log "code-server $CS_VERSION: installing into $CS_DIR (about 75 s, 300 MB)"
  mkdir -p "$CS_DIR"
  cd "$CS_DIR"
  # @vscode/ripgrep's postinstall looks for its download cache under os.tmpdir(): keep
  # that tmpdir private so the seeded cache below is the one it finds.
  export TMPDIR=$CS_DIR/.tmp
  mkdir -p "$TMPDIR"
  [ -f package.json ] || printf '{ "name": "newsdump-e2e-code-server", "private": true }\n' > package.json
  # a) fetch without lifecycle scripts: code-server's postinstall would download ripgrep
  npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION"
  # b) seed @vscode/ripgrep's cache with Debian's rg so its postinstall never goes online
  RG_PKG_VERSION=$(node -e '
    const s = require(process.argv[1]);
    console.log(s.packages["node_modules/@vscode/ripgrep"].version);' \
    "$CS_PKG/lib/vscode/npm-shrinkwrap.json")
  RG_CACHE=$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION
  mkdir -p "$RG_CACHE"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  # c) now run the real install scripts. unsafe_perm: code-server's postinstall refuses to
  #    run as root otherwise; yes=true: node-pty runs `npx node-gyp`, which must not prompt.
  #    argon2's prebuilt download fails here and it falls back to building from source.
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm rebuild code-server argon2 --foreground-scripts >"$CS_DIR/rebuild.log" 2>&1 \
    || { tail -40 "$CS_DIR/rebuild.log"; log "code-server rebuild failed (log: $CS_DIR/rebuild.log)"; exit 1; }
  test -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  touch "$CS_STAMP"
  log "code-server $CS_VERSION: installed"
fi

# ---------------------------------------------------------------------------------------
# 3. playwright-core + mocha (a small package.json of our own inside .e2e/tools)
# ---------------------------------------------------------------------------------------
TOOLS=$E2E/tools
want_tools() {
  node -e '
    const [dir, pw, mocha] = process.argv.slice(1);
    const v = (n) => { try { return require(`${dir}/node_modules/${n}/package.json`).version; } catch { return ""; } };
    process.exit(v("playwright-core") === pw && v("mocha") === mocha ? 0 : 1);' \
    "$TOOLS" "$PLAYWRIGHT_VERSION" "$MOCHA_VERSION"
}
if want_tools; then
  log "tools: playwright-core $PLAYWRIGHT_VERSION, mocha $MOCHA_VERSION present"
else
  log "tools: installing playwright-core $PLAYWRIGHT_VERSION, mocha $MOCHA_VERSION"
  mkdir -p "$TOOLS"
  cat > "$TOOLS/package.json" <<JSON
{
  "name": "newsdump-e2e-tools",
  "private": true,
  "description": "Written by scripts/install-e2e.sh; tools for test/e2e, kept out of the project's package.json",
  "dependencies": {
    "playwright-core": "$PLAYWRIGHT_VERSION",
    "mocha": "$MOCHA_VERSION"
  }
}
JSON
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: belt and braces, playwright-core downloads nothing itself
  (cd "$TOOLS" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --no-package-lock)
  want_tools
fi

log "ready: code-server $CS_VERSION, $(chromium --version 2>/dev/null | head -1), $(nvim --version | head -1)"
