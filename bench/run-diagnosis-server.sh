#!/usr/bin/env bash
# Site diagnosis through the server on PostgreSQL: 200 devices x 30 days at the demo's Main Campus, timed over
# GET /api/v1/diagnosis/sites/{id}. Environment: DEVICES (200), DAYS (30), RUNS (20), BREAKPOINT_PORT (18080), SKIP_BUILD=1.
source "$(dirname "$0")/server-lifecycle.sh"
build
WORK="$(mktemp -d /tmp/bp-diagnosis.XXXXXX)"
fresh_pg_database bp_bench_diagnosis
DB_URL="jdbc:postgresql://$PG_HOST:5432/bp_bench_diagnosis"
start_server "$WORK/server.log" BREAKPOINT_TELEMETRY_RATE_LIMIT_BURST=1000000 BREAKPOINT_TELEMETRY_RATE_LIMIT_PER_MINUTE=1000000 \
  BREAKPOINT_DATA_DIR="$WORK/pg" BREAKPOINT_DB_URL="$DB_URL" BREAKPOINT_DB_USER=postgres
echo "PostgreSQL $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$BENCH_CP" io.breakpoint.bench.DiagnosisBenchmark --base "http://127.0.0.1:$PORT" \
  --user msp.admin@gateway.demo --password "$BREAKPOINT_DEMO_PASSWORD" --db "$DB_URL" \
  --devices "${DEVICES:-200}" --days "${DAYS:-30}" --runs "${RUNS:-20}"
echo "load after $(cut -d' ' -f1-3 /proc/loadavg); server log in $WORK"
stop_server
dropdb -h "$PG_HOST" -U postgres --if-exists bp_bench_diagnosis
