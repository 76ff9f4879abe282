#!/usr/bin/env bash
# Tier queue page benchmark at 1,000,000 tickets on PostgreSQL: build, create database bp_bench_queue, start
# the server once with --demo (Flyway schema + demo tenant), generate the tickets, start it again, request the
# queue page with varied filters, print p50/p95/p99 and the EXPLAIN (ANALYZE, BUFFERS) plan, stop the server.
#   bench/run-queue.sh [--reuse]    --reuse keeps an already generated bp_bench_queue (runs migrations only)
# Options through the environment: TICKETS (1000000), REQUESTS (1000), BREAKPOINT_PORT (18080), SKIP_BUILD=1.
source "$(dirname "$0")/server-lifecycle.sh"
DB=bp_bench_queue
URL="jdbc:postgresql://$PG_HOST:5432/$DB"
build
WORK="$(mktemp -d /tmp/bp-queue.XXXXXX)"
PG_ENV=(BREAKPOINT_DATA_DIR="$WORK/data" BREAKPOINT_DB_URL="$URL" BREAKPOINT_DB_USER=postgres)

if [[ "${1:-}" != --reuse ]]; then
  fresh_pg_database "$DB"
  start_server "$WORK/server-setup.log" "${PG_ENV[@]}"
  stop_server
  time java -cp "$BENCH_CP" io.breakpoint.bench.QueueGenerator --db "$URL" --tickets "${TICKETS:-1000000}"
fi
start_server "$WORK/server.log" "${PG_ENV[@]}"
java -cp "$BENCH_CP" io.breakpoint.bench.QueuePageBenchmark --base "http://127.0.0.1:$PORT" \
  --user t1.ava@gateway.demo --password "$BREAKPOINT_DEMO_PASSWORD" --db "$URL" --requests "${REQUESTS:-1000}"
stop_server
echo "server logs in $WORK"
