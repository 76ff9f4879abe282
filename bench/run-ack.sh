#!/usr/bin/env bash
# Acknowledgement latency under intake load: build, start the demo server on a fresh PostgreSQL database (or H2),
# keep POST /api/v1/tickets busy at concurrency 8 and 32 while a probe measures submission → acknowledgement read back.
#   bench/run-ack.sh [pg|h2]     (default pg)
# Options through the environment: PROBES (300), EVERY_MS (50), LOAD (8,32), WARMUP (10), ACK_DB (bp_bench_ack),
# BREAKPOINT_PORT (18080), SKIP_BUILD=1.
source "$(dirname "$0")/server-lifecycle.sh"
WHICH="${1:-pg}"
build
WORK="$(mktemp -d /tmp/bp-ack.XXXXXX)"
ack() {
  java -cp "$BENCH_CP" io.breakpoint.bench.AcknowledgementBenchmark --base "http://127.0.0.1:$PORT" \
    --user dr.ellis@riverbend.demo --password "$BREAKPOINT_DEMO_PASSWORD" --label "$1" \
    --load "${LOAD:-8,32}" --probes "${PROBES:-300}" --every-ms "${EVERY_MS:-50}" --warmup "${WARMUP:-10}"
}
if [[ "$WHICH" == h2 ]]; then
  start_server "$WORK/server-h2.log" BREAKPOINT_DATA_DIR="$WORK/h2"
  ack "(H2, file in $WORK/h2)"
else
  DB="${ACK_DB:-bp_bench_ack}"
  fresh_pg_database "$DB"
  start_server "$WORK/server-pg.log" BREAKPOINT_DATA_DIR="$WORK/pg" \
    BREAKPOINT_DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB" BREAKPOINT_DB_USER=postgres
  ack "(PostgreSQL $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version'), database $DB)"
fi
stop_server
echo "server log in $WORK"
