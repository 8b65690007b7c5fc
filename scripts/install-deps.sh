#!/usr/bin/env bash
# Installs what Clio needs to build, run and test, and only what is missing:
# Debian/Ubuntu packages (apt, through sudo when not root), the UI's npm
# packages, tauri-driver for the end-to-end tests, and Anki's Python library
# for the Anki package tests.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also the end-to-end and Anki test tools
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[1;31mclio: %s\033[0m\n' "$*" >&2; exit 1; }

# --- system packages ---------------------------------------------------------
packages=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev librsvg2-dev file)
if [ "$want_test" = 1 ]; then
  packages+=(webkit2gtk-driver xvfb xauth dbus dbus-x11 imagemagick)
  # tests/anki: sets the clock Anki's scheduler reads, answer by answer
  packages+=(faketime)
  # tests/anki: a virtual environment for Anki's Python library
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || packages+=(python3-venv)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 ||
    die "these packages are missing and this system has no apt-get: ${missing[*]}. Install them with your package manager, then run make again."
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
    say "Installing system packages with sudo (you may be asked for your password): ${missing[*]}"
  else
    die "these packages are missing: ${missing[*]}. You are not root and sudo is not installed; ask an administrator to run: apt-get install ${missing[*]}"
  fi
  say "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- Rust ----------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/cargo" ] ||
  die "Rust is not installed. Install it with rustup (https://rustup.rs), open a new shell, and run make again."

# --- Node.js -------------------------------------------------------------------
# Vite needs Node.js 20.19 or newer; older distributions ship an older one. Then
# a current Node.js comes from the npm registry (the `node` package carries it)
# into .tools/, which the Makefile puts first on PATH.
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; }
if ! node_ok; then
  say "Node.js $(node --version 2>/dev/null || echo none) is too old for Vite; installing Node.js 22 into .tools/"
  npm install --no-save --prefix .tools node@22 >/dev/null
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
  node_ok || die "could not get Node.js 20.19 or newer; install it (e.g. from NodeSource) and run make again."
fi

# --- npm packages ----------------------------------------------------------------
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "Installing the UI's npm packages"
  npm ci --prefix ui --no-audit --no-fund
fi

# --- tauri-driver ----------------------------------------------------------------
if [ "$want_test" = 1 ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  say "Installing tauri-driver (WebDriver for the end-to-end tests)"
  cargo install tauri-driver --locked
fi
# --- Anki's Python library --------------------------------------------------------
# tests/anki checks Clio's .apkg files with the importer of this exact Anki
# version, in .tools/venv (never the system's Python packages).
ANKI_VERSION=26.9.3
if [ "$want_test" = 1 ] && ! .tools/venv/bin/python -c "import anki, importlib.metadata as m, sys; sys.exit(m.version('anki') != '$ANKI_VERSION')" >/dev/null 2>&1; then
  say "Installing Anki $ANKI_VERSION's Python library into .tools/venv (for tests/anki)"
  python3 -m venv .tools/venv ||
    die "could not create a Python virtual environment: install python3-venv (apt-get install python3-venv) and run make test again."
  .tools/venv/bin/pip install --quiet --disable-pip-version-check "anki==$ANKI_VERSION" ||
    die "could not install anki==$ANKI_VERSION from PyPI into .tools/venv; check the network and run make test again."
fi
exit 0
