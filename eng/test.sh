#!/usr/bin/env bash
# Builds GridActors and runs every test project, then ends with the line "N passed, N failed".
# Exits non-zero when the build or any test fails. Works from any folder on a fresh machine with the
# .NET SDK and Node.js: it starts a PostgreSQL server of its own for the storage tests (installing
# PostgreSQL with apt-get when it is missing) and removes it afterwards, and installs Debian's Chromium
# for the dashboard's browser test when it is missing.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
# shellcheck source=eng/postgres.sh
source eng/postgres.sh
# shellcheck source=eng/chromium.sh
source eng/chromium.sh
trap 'gridactors_pg_stop; rm -f "$log"' EXIT
if ! gridactors_pg_start; then
  echo "PostgreSQL could not be started; the storage tests cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi
if ! gridactors_chromium_ensure; then
  echo "Chromium could not be installed; the browser test cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test --solution GridActors.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints one summary for the run: "total: N", "failed: N", "succeeded: N",
# "skipped: N", each on its own line.
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || true; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)

echo
if [ -z "$passed" ] || [ -z "$failed" ]; then
  echo "No test summary: the build or the test runner failed before any test ran (exit $status)."
  echo "0 passed, 1 failed"
  exit $(( status == 0 ? 1 : status ))
fi
if [ "${skipped:-0}" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
