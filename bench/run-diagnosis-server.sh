#!/usr/bin/env bash
# Site diagnosis through the server on PostgreSQL: 200 devices x 30 days at the demo's Main Campus, timed over
# GET /api/v1/diagnosis/sites/{id}. Environment: DEVICES (200), DAYS (30), RUNS (20), BREAKPOINT_PORT (18080), PG_DB
# (bp_bench_diagnosis), SERVER_JAVA_OPTS (e.g. a profiler agent), SKIP_BUILD=1, RESTART (1: then restart the server on
# the same data and time its first diagnosis, without and with the start-up warm-up). Prints the server's and
# PostgreSQL's CPU time too.
source "$(dirname "$0")/server-lifecycle.sh"
build
WORK="$(mktemp -d /tmp/bp-diagnosis.XXXXXX)"
PG_DB="${PG_DB:-bp_bench_diagnosis}"
fresh_pg_database "$PG_DB"
DB_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB"
start_server "$WORK/server.log" BREAKPOINT_TELEMETRY_RATE_LIMIT_BURST=1000000 BREAKPOINT_TELEMETRY_RATE_LIMIT_PER_MINUTE=1000000 \
  BREAKPOINT_DATA_DIR="$WORK/pg" BREAKPOINT_DB_URL="$DB_URL" BREAKPOINT_DB_USER=postgres
echo "PostgreSQL $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$BENCH_CP" io.breakpoint.bench.DiagnosisBenchmark --base "http://127.0.0.1:$PORT" \
  --user msp.admin@gateway.demo --password "$BREAKPOINT_DEMO_PASSWORD" --db "$DB_URL" \
  --server-pid "$SERVER_PID" --devices "${DEVICES:-200}" --days "${DAYS:-30}" --runs "${RUNS:-20}"
echo "load after $(cut -d' ' -f1-3 /proc/loadavg); server log in $WORK"
stop_server
# The first diagnosis after a restart on the same data: without the start-up warm-up, then with it (once its log
# line says the busiest sites are read). RESTART=0 skips both.
if [[ "${RESTART:-1}" != 0 ]]; then
  for warm in 0 8; do
    start_server "$WORK/server-restart-$warm.log" BREAKPOINT_DATA_DIR="$WORK/pg" BREAKPOINT_DB_URL="$DB_URL" BREAKPOINT_DB_USER=postgres \
      BREAKPOINT_DIAGNOSIS_WARMUPSITES="$warm"
    if [[ "$warm" != 0 ]]; then
      for _ in $(seq 1 120); do grep -q "Diagnosis ready for" "$WORK/server-restart-$warm.log" && break; sleep 1; done
      grep -o "Diagnosis ready for.*" "$WORK/server-restart-$warm.log" || echo "(no warm-up line after 120 s)"
    fi
    java -cp "$BENCH_CP" io.breakpoint.bench.DiagnosisBenchmark --base "http://127.0.0.1:$PORT" \
      --user msp.admin@gateway.demo --password "$BREAKPOINT_DEMO_PASSWORD" --db "$DB_URL" --first-only "warm-up sites: $warm" --calls 3
    stop_server
  done
fi
[[ "${KEEP_DB:-}" == 1 ]] || dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
