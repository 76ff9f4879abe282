# Sourced by run-intake.sh and run-queue.sh: build, start the server in the background, wait, stop on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${BREAKPOINT_PORT:-18080}"
export BREAKPOINT_DEMO_PASSWORD="${BREAKPOINT_DEMO_PASSWORD:-bench-password-1234}"
# The load generators submit thousands of tickets a second as one requester: no per-person limit for them.
export BREAKPOINT_TICKETS_RATE_LIMIT="${BREAKPOINT_TICKETS_RATE_LIMIT:-0}"
# MSP staff sign in with TOTP: the demo enrols them with this secret and BreakpointClient computes their codes.
export BREAKPOINT_DEMO_TOTP_SECRET="${BREAKPOINT_DEMO_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
PG_HOST="${PG_HOST:-127.0.0.1}"
SERVER_PID=""
BENCH_CP="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"

build() {
  if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    (cd "$ROOT" && mvn -B -o -q package -DskipTests -pl agent-protocol,server,bench)
  fi
}

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# start_server <log file> [extra env assignments...]: starts the demo server and waits until it is healthy.
start_server() {
  local log="$1"; shift
  env "$@" BREAKPOINT_PORT="$PORT" java ${SERVER_JAVA_OPTS:-} -jar "$ROOT/server/target/breakpoint-server-0.1.0-SNAPSHOT.jar" --demo >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server died; see $log" >&2; tail -30 "$log" >&2; exit 1; fi
    sleep 1
  done
  echo "server did not become healthy in 120 s; see $log" >&2; exit 1
}

# fresh_pg_database <name>: drops and creates a benchmark database of our own (never the shared ones).
fresh_pg_database() {
  dropdb -h "$PG_HOST" -U postgres --if-exists "$1"
  createdb -h "$PG_HOST" -U postgres "$1"
}
