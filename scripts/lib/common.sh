# Shared by scripts/*.sh: repo paths, progress output and the install step.
# Sourced, not run; callers set `set -euo pipefail` themselves.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$ROOT/.local"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"

# CI images and fresh shells often lack Go on PATH; the FerretDB build needs it.
case ":$PATH:" in
  *:/usr/local/go/bin:*) ;;
  *) PATH="$PATH:/usr/local/go/bin" ;;
esac
export PATH

mkdir -p "$LOG_DIR" "$RUN_DIR"

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# True when something accepts a TCP connection on 127.0.0.1:$1.
is_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when $1 is a live process whose command line contains $2. Guards every kill against a
# pid file left behind after the process died and its pid was reused.
is_process_named() {
  local pid="$1" name="$2"

  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$name"
}

# `npm ci` when node_modules is missing or older than the lock file. npm writes
# node_modules/.package-lock.json on every install, so its age is the install's age.
ensure_node_modules() {
  local installed="$ROOT/node_modules/.package-lock.json"

  if [[ -f "$installed" && ! "$ROOT/package-lock.json" -nt "$installed" ]]; then
    return 0
  fi

  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
}

# Services moved to other ports (REDIS_PORT, MONGO_PORT) must reach the apps and tests too;
# URLs set explicitly win.
export_service_urls() {
  if [[ -n "${MONGO_PORT:-}" && -z "${MONGODB_URI:-}" ]]; then
    export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/segment_branch_import"
  fi
  if [[ -n "${REDIS_PORT:-}" && -z "${REDIS_URL:-}" ]]; then
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  fi
}
