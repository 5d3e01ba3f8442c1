#!/usr/bin/env bash
# Runs the app's tests: logic tests (JUnit) and Codename One UI tests (cn1:test) against a running backend.
#   mobile/run-ui-tests.sh [API_URL]      (or CRENEAU_API=http://127.0.0.1:PORT mobile/run-ui-tests.sh)
# With a URL the backend is required: the UI tests fail if it does not answer. Without one, the tests that need
# it are skipped (logged SKIPPED) and the rest run. Uses Xvfb when there is no DISPLAY.
# Screenshots land in docs/screenshots/, reports in mobile/javase/target/cn1-reports/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
API="${1:-${CRENEAU_API:-}}"
ARGS=(-B -pl mobile/javase -am verify -Pcn1-ui-tests "-Dcreneau.screenshots=$ROOT/docs/screenshots")
if [ -n "$API" ]; then
  ARGS+=("-Dcreneau.api=$API" "-Dcreneau.requireBackend=true")
fi
if [ -n "${MVN_OFFLINE:-}" ]; then
  ARGS=(-o "${ARGS[@]}")
fi
cd "$ROOT"
if [ -z "${DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "xvfb-run missing: apt-get install -y xvfb xauth" >&2
    exit 2
  fi
  exec xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw "${ARGS[@]}"
fi
exec ./mvnw "${ARGS[@]}"
