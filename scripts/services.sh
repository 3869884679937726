#!/usr/bin/env bash
# Local services for tests and the demo, on loopback only:
#   Redis   127.0.0.1:${REDIS_PORT:-6379}   the BullMQ queue
#   MongoDB 127.0.0.1:${MONGO_PORT:-27017}  FerretDB (SQLite backend) built from tools/ferretdb
#
# Usage: scripts/services.sh start|stop|status
#   start   idempotent: reuses whatever already answers on a port, starts the rest.
#   stop    stops only what this script started (pid files in .local/run), never a Redis or
#           MongoDB the machine runs for itself.
#   status  one line per service; exit 0 only when both answer.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

REDIS_PORT="${REDIS_PORT:-6379}"
MONGO_PORT="${MONGO_PORT:-27017}"
[[ "$REDIS_PORT" =~ ^[0-9]+$ ]] || die "REDIS_PORT must be a number, got '$REDIS_PORT'"
[[ "$MONGO_PORT" =~ ^[0-9]+$ ]] || die "MONGO_PORT must be a number, got '$MONGO_PORT'"

# Each port gets its own pid file, log and data, so a second pair started on other ports
# (REDIS_PORT=6390 MONGO_PORT=27030) can be stopped without orphaning the first.
port_suffix() { [[ "$1" == "$2" ]] || printf -- '-%s' "$1"; }
REDIS_NAME="redis$(port_suffix "$REDIS_PORT" 6379)"
MONGO_NAME="ferretdb$(port_suffix "$MONGO_PORT" 27017)"

REDIS_DATA="$LOCAL_DIR/$REDIS_NAME"
REDIS_PID="$RUN_DIR/$REDIS_NAME.pid"
REDIS_LOG="$LOG_DIR/$REDIS_NAME.log"
FERRET_SRC="$ROOT/tools/ferretdb"
FERRET_BIN="$LOCAL_DIR/bin/ferretdb"
FERRET_DATA="$LOCAL_DIR/$MONGO_NAME"
FERRET_PID="$RUN_DIR/$MONGO_NAME.pid"
FERRET_LOG="$LOG_DIR/$MONGO_NAME.log"
FERRET_BUILD_LOG="$LOG_DIR/ferretdb-build.log"
START_TIMEOUT_S="${SERVICES_START_TIMEOUT_S:-30}"

# --- probes -------------------------------------------------------------------------------

# Speaks RESP over bash's /dev/tcp so the probe needs no redis-cli.
is_redis_answering() {
  local reply=''

  is_port_open "$REDIS_PORT" || return 1
  reply="$(
    exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" || exit 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 line <&3 && printf '%s' "$line"
  )" 2>/dev/null || return 1

  [[ "$reply" == +PONG* ]]
}

is_mongo_answering() {
  local code=0

  is_port_open "$MONGO_PORT" || return 1
  node "$ROOT/scripts/lib/ping-mongo.js" "$MONGO_PORT" || code=$?

  # 2: the driver is not installed yet; an open port is all we can check.
  [[ $code -eq 0 || $code -eq 2 ]]
}

# Polls $2 (a probe function) until it succeeds, or fails naming the log. Gives up early when
# the process we just started ($4) has already exited.
wait_for() {
  local name="$1" probe="$2" log="$3" pid="${4:-}"
  local deadline=$((SECONDS + START_TIMEOUT_S))

  until "$probe"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$log" >&2 || true
      die "$name exited during start; full log: $log"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 20 "$log" >&2 || true
      die "$name did not answer within ${START_TIMEOUT_S}s; full log: $log"
    fi
    sleep 0.5
  done
}

# Prints the pid from pid file $1 when it names a live process whose command contains $2.
our_pid() {
  local pid=''

  [[ -r "$1" ]] && pid="$(<"$1")"
  if is_process_named "$pid" "$2"; then
    printf '%s' "$pid"
  fi
}

# --- redis --------------------------------------------------------------------------------

ensure_redis_installed() {
  command -v redis-server >/dev/null && return 0
  [[ "$(id -u)" == 0 ]] || die "redis-server is not installed: run 'sudo apt-get install -y redis-server'"

  say "redis: installing Debian's redis-server (log: $LOG_DIR/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  # The package index is refreshed only when the install fails without it: it is slow.
  if ! apt-get install -y -q redis-server >>"$LOG_DIR/apt.log" 2>&1; then
    apt-get update -q >>"$LOG_DIR/apt.log" 2>&1 || die "apt-get update failed; see $LOG_DIR/apt.log"
    apt-get install -y -q redis-server >>"$LOG_DIR/apt.log" 2>&1 ||
      die "apt-get install redis-server failed; see $LOG_DIR/apt.log"
  fi
}

start_redis() {
  if is_redis_answering; then
    say "redis: answering on 127.0.0.1:$REDIS_PORT, reusing it"

    return 0
  fi
  is_port_open "$REDIS_PORT" &&
    die "127.0.0.1:$REDIS_PORT is taken by something that does not answer Redis PING; free it or set REDIS_PORT"

  ensure_redis_installed
  # Installing the package may have started the distribution's own server on this port.
  if is_redis_answering; then
    say "redis: answering on 127.0.0.1:$REDIS_PORT after install, reusing it"

    return 0
  fi

  say "redis: starting on 127.0.0.1:$REDIS_PORT (data: $REDIS_DATA, log: $REDIS_LOG)"
  mkdir -p "$REDIS_DATA"
  # appendonly: ingest answers 2xx once Redis has the job, so the job must survive a restart.
  # everysec (Redis' default) loses at most a second, and only if the machine itself crashes.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --dir "$REDIS_DATA" --appendonly yes --appendfsync everysec --save '' \
    --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" ||
    die "redis-server did not start; see $REDIS_LOG"
  wait_for redis is_redis_answering "$REDIS_LOG"
  say "redis: up (pid $(our_pid "$REDIS_PID" redis-server))"
}

# --- ferretdb -----------------------------------------------------------------------------

is_ferretdb_stale() {
  [[ ! -x "$FERRET_BIN" ]] && return 0

  [[ -n "$(find "$FERRET_SRC" -maxdepth 1 \( -name '*.go' -o -name go.mod -o -name go.sum \) \
    -newer "$FERRET_BIN" -print -quit)" ]]
}

build_ferretdb() {
  command -v go >/dev/null || die "go is not on PATH (expected /usr/local/go/bin/go); it builds FerretDB"

  say "mongo: building FerretDB from tools/ferretdb (about 90 s the first time; log: $FERRET_BUILD_LOG)"
  mkdir -p "$(dirname "$FERRET_BIN")"
  if ! (cd "$FERRET_SRC" && go build -o "$FERRET_BIN.tmp" .) >"$FERRET_BUILD_LOG" 2>&1; then
    tail -n 20 "$FERRET_BUILD_LOG" >&2 || true
    die "FerretDB build failed; full log: $FERRET_BUILD_LOG"
  fi
  mv -f "$FERRET_BIN.tmp" "$FERRET_BIN"
}

start_ferretdb() {
  local pid

  # Built even when a server already answers: e2e suites start their own FerretDB from this
  # binary (test/support/ferretdb-process.ts) to stop and restart it mid-test.
  if is_ferretdb_stale; then build_ferretdb; fi

  if is_mongo_answering; then
    say "mongo: answering on 127.0.0.1:$MONGO_PORT, reusing it"

    return 0
  fi
  is_port_open "$MONGO_PORT" &&
    die "127.0.0.1:$MONGO_PORT is taken by something that does not answer MongoDB ping; free it or set MONGO_PORT"

  say "mongo: starting FerretDB on 127.0.0.1:$MONGO_PORT (data: $FERRET_DATA, log: $FERRET_LOG)"
  mkdir -p "$FERRET_DATA"
  # setsid: its own session, so a Ctrl-C in the terminal that ran the demo or the tests
  # (Go re-enables SIGINT that bash ignores for background jobs) leaves the database running.
  setsid "$FERRET_BIN" -listen "127.0.0.1:$MONGO_PORT" -data "$FERRET_DATA" \
    -log-level warn </dev/null >>"$FERRET_LOG" 2>&1 &
  pid=$!
  echo "$pid" >"$FERRET_PID"
  wait_for mongo is_mongo_answering "$FERRET_LOG" "$pid"
  say "mongo: up (pid $pid)"
}

# --- stop and status ----------------------------------------------------------------------

# Stops the process in pid file $2 if it is still the program $3 we started.
stop_ours() {
  local name="$1" pidfile="$2" program="$3" pid

  pid="$(our_pid "$pidfile" "$program")"
  if [[ -z "$pid" ]]; then
    rm -f "$pidfile"
    say "$name: not started by this project, leaving it alone"

    return 0
  fi

  say "$name: stopping pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within 15 s; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

describe() {
  local name="$1" port="$2" probe="$3" pidfile="$4" program="$5" pid

  pid="$(our_pid "$pidfile" "$program")"
  if ! "$probe"; then
    echo "$name: down (127.0.0.1:$port)"

    return 1
  fi

  if [[ -n "$pid" ]]; then
    echo "$name: up on 127.0.0.1:$port (started by this project, pid $pid)"
  else
    echo "$name: up on 127.0.0.1:$port (not started by this project)"
  fi
}

main() {
  local up=0

  case "${1:-}" in
    start)
      start_redis
      start_ferretdb
      say "services ready: redis 127.0.0.1:$REDIS_PORT, mongo 127.0.0.1:$MONGO_PORT"
      ;;
    stop)
      stop_ours redis "$REDIS_PID" redis-server
      stop_ours mongo "$FERRET_PID" ferretdb
      ;;
    status)
      describe redis "$REDIS_PORT" is_redis_answering "$REDIS_PID" redis-server || up=1
      describe mongo "$MONGO_PORT" is_mongo_answering "$FERRET_PID" ferretdb || up=1

      return "$up"
      ;;
    *)
      echo "usage: $0 start|stop|status" >&2

      return 2
      ;;
  esac
}

main "$@"
