#!/usr/bin/env bash
# The demo from a fresh clone: install, start Redis and FerretDB, build, run ingest and worker,
# then scripts/demo.ts creates an app, sends the sample Segment stream through Segment's own
# Node client and prints what was imported, skipped and rejected.
#
# Usage: scripts/demo.sh [path/to/events.jsonl]   (default: ../shared/samples/segment-events.jsonl)
#   PORT  ingest port; unset, the first free port from 8080 to 8099 is used.
# Ingest and worker stop when the demo ends; Redis and FerretDB keep running.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

READY_TIMEOUT_S="${DEMO_READY_TIMEOUT_S:-60}"
app_names=()
app_pids=()

choose_port() {
  if [[ -n "${PORT:-}" ]]; then
    [[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$PORT'"
    is_port_open "$PORT" && die "port $PORT on 127.0.0.1 is in use; choose another, e.g. PORT=8090 npm run demo"

    return 0
  fi

  for candidate in $(seq 8080 8099); do
    if ! is_port_open "$candidate"; then
      export PORT="$candidate"

      return 0
    fi
  done
  die "ports 8080-8099 on 127.0.0.1 are all in use; set PORT to a free one"
}

start_app() {
  local name="$1"

  say "$name: starting (log: $LOG_DIR/$name.log)"
  node "dist/apps/$name/main.js" </dev/null >"$LOG_DIR/$name.log" 2>&1 &
  app_names+=("$name")
  app_pids+=("$!")
}

# Dies with the end of an app's log when it has exited.
require_apps_running() {
  local i

  for i in "${!app_pids[@]}"; do
    if ! kill -0 "${app_pids[$i]}" 2>/dev/null; then
      tail -n 30 "$LOG_DIR/${app_names[$i]}.log" >&2 || true
      die "${app_names[$i]} exited; full log: $LOG_DIR/${app_names[$i]}.log"
    fi
  done
}

is_ingest_ready() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$PORT/health/ready"
}

wait_for_ingest() {
  local deadline=$((SECONDS + READY_TIMEOUT_S))

  until is_ingest_ready; do
    require_apps_running
    if ((SECONDS >= deadline)); then
      tail -n 30 "$LOG_DIR/ingest.log" >&2 || true
      die "ingest /health/ready did not answer 200 within ${READY_TIMEOUT_S}s; full log: $LOG_DIR/ingest.log"
    fi
    sleep 0.5
  done
  require_apps_running
  say "ingest ready on http://127.0.0.1:$PORT"
}

stop_apps() {
  local pid

  ((${#app_pids[@]} > 0)) || return 0
  for pid in "${app_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Shutdown hooks let the worker finish its running jobs; give them a few seconds.
  for _ in $(seq 1 40); do
    local alive=false

    for pid in "${app_pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    [[ "$alive" == true ]] || break
    sleep 0.25
  done
  for pid in "${app_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  say "stopped ingest and worker (logs in $LOG_DIR)"
  say "Redis and FerretDB keep running: 'npm run services:stop' stops those this project" \
    "started (a server the machine already ran is left alone)"
  say "to try the API by hand, start the apps again: see 'Try it by hand' in README.md"
}

main() {
  cd "$ROOT"
  export NODE_ENV="${NODE_ENV:-development}"
  # Loopback only: the demo never listens beyond this machine.
  export HOST=127.0.0.1
  export_service_urls
  # Before the slow steps, so a busy port fails in a second, not after the build.
  choose_port

  ensure_node_modules
  bash scripts/services.sh start
  say "building ingest and worker (npm run build)"
  npm run --silent build || die "npm run build failed (see above)"

  trap stop_apps EXIT
  trap 'exit 130' INT TERM
  start_app ingest
  start_app worker
  wait_for_ingest

  npx tsx --tsconfig tsconfig.json scripts/demo.ts "$@"
}

main "$@"
