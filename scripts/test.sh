#!/usr/bin/env bash
# The whole suite from a fresh clone: install, start Redis and FerretDB, lint, type-check, then
# unit and e2e tests in one jest run (one summary). The last line printed is the summary
# reporter's "tests: N passed, N failed"; nothing is printed after jest.
#
# Usage: scripts/test.sh [--stop-services] [extra jest arguments...]
#   --stop-services  stop the services this run started once jest is done (quietly).
# Lint and type errors do not stop the tests from running, so one run shows every problem;
# any failure makes the exit status non-zero.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# Passes stderr through unchanged, except the summary line, which comes out last.
hold_summary_line() {
  awk '/^tests: [0-9]+ passed, [0-9]+ failed/ { held = $0; next }
    { print; fflush() }
    END { if (held != "") print held }'
}

stop_services=false
jest_args=()
for arg in "$@"; do
  case "$arg" in
    --stop-services) stop_services=true ;;
    *) jest_args+=("$arg") ;;
  esac
done

export NODE_ENV=test
export_service_urls
cd "$ROOT"

ensure_node_modules
bash scripts/services.sh start

failed=()
say "lint"
npm run --silent lint || failed+=(lint)
say "typecheck"
npm run --silent typecheck || failed+=(typecheck)

if ((${#failed[@]} > 0)); then
  warn "${failed[*]} failed (see above); running the tests anyway, the exit status will be 1"
fi
if [[ "$stop_services" == true ]]; then
  say "jest (unit + e2e); services stop afterwards"
else
  say "jest (unit + e2e); services keep running afterwards: npm run services:stop stops them"
fi

# Jest always adds its own summary reporter after the configured ones, so the project's
# "tests: ..." line would come before "Ran all test suites."; the filter holds that one line
# back and prints it when jest is done. Jest writes its report to stderr, as the filter does.
[[ -t 2 ]] && jest_args+=(--colors)
set +e
{ npx jest --config jest.config.js --runInBand "${jest_args[@]}" 2>&1 1>&3 3>&- |
  hold_summary_line >&2; } 3>&1
status=${PIPESTATUS[0]}
set -e

if [[ "$stop_services" == true ]]; then
  bash scripts/services.sh stop >>"$LOG_DIR/services-stop.log" 2>&1 || status=1
fi
if ((${#failed[@]} > 0 && status == 0)); then
  status=1
fi

exit "$status"
