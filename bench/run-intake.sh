#!/usr/bin/env bash
# Ticket intake benchmark: build, start the server on a fresh H2 file or PostgreSQL database with demo data,
# fire POST /api/v1/tickets at concurrency 1, 8 and 32, stop the server.
#   bench/run-intake.sh [h2|pg|both]     (default both)
# Options through the environment: SECONDS_PER_LEVEL (20), WARMUP (10), CONCURRENCY (1,8,32), BREAKPOINT_DB_POOL,
# SERVER_JAVA_OPTS, BREAKPOINT_PORT (18080), SKIP_BUILD=1, PG_DB (bp_bench_intake: the PostgreSQL database to recreate).
source "$(dirname "$0")/server-lifecycle.sh"
WHICH="${1:-both}"
build
WORK="$(mktemp -d /tmp/bp-intake.XXXXXX)"

intake() {
  java -cp "$BENCH_CP" io.breakpoint.bench.IntakeBenchmark --base "http://127.0.0.1:$PORT" \
    --user dr.ellis@riverbend.demo --password "$BREAKPOINT_DEMO_PASSWORD" --label "$1" \
    --concurrency "${CONCURRENCY:-1,8,32}" --warmup "${WARMUP:-10}" --seconds "${SECONDS_PER_LEVEL:-20}"
}

if [[ "$WHICH" == h2 || "$WHICH" == both ]]; then
  start_server "$WORK/server-h2.log" BREAKPOINT_DATA_DIR="$WORK/h2"
  intake "(H2, file in $WORK/h2)"
  stop_server
fi
if [[ "$WHICH" == pg || "$WHICH" == both ]]; then
  fresh_pg_database ${PG_DB:-bp_bench_intake}
  start_server "$WORK/server-pg.log" BREAKPOINT_DATA_DIR="$WORK/pg" \
    BREAKPOINT_DB_URL="jdbc:postgresql://$PG_HOST:5432/${PG_DB:-bp_bench_intake}" BREAKPOINT_DB_USER=postgres
  intake "(PostgreSQL $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version'), database ${PG_DB:-bp_bench_intake})"
  psql -h "$PG_HOST" -U postgres -d ${PG_DB:-bp_bench_intake} -tAc \
    "select 'rows after the run: tickets ' || (select count(*) from tickets) || ', ticket_entries ' || (select count(*) from ticket_entries) || ', audit_events ' || (select count(*) from audit_events)"
  stop_server
fi
echo "server logs in $WORK"
