#!/usr/bin/env bash
# Runs end-to-end test files (or, with --bench, the start-up benchmark) inside a
# private X display (Xvfb) and D-Bus session, as WebKitGTK needs.
#   tests/e2e/run.sh tests/e2e/app.test.mjs
#   tests/e2e/run.sh --bench target/release/clio [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
export NO_AT_BRIDGE=1
export PATH="$HOME/.cargo/bin:$PATH"
if [ "${1:-}" = "--bench" ]; then
  shift
  cmd=(node tests/bench/startup.mjs "$@")
else
  # One WebDriver session at a time: test files run one after another.
  cmd=(node --test --test-concurrency=1 --test-timeout=300000 "$@")
fi
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" "${cmd[@]}"
