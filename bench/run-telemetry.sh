#!/usr/bin/env bash
# Telemetry ingestion benchmark: build, start the server on a fresh PostgreSQL database (or H2) with demo data,
# enroll devices, post pre-built batches from a few workers, print samples/s and hop measurements/s, stop the server.
#   bench/run-telemetry.sh [pg|h2|both]     (default pg)
# Environment: DEVICES (40), BATCHES (200), WARMUP_BATCHES (20), SAMPLES (500 per batch), PROBES (6 hops per sample),
# CONCURRENCY (4), BREAKPOINT_DB_POOL, SERVER_JAVA_OPTS, BREAKPOINT_PORT (18080), SKIP_BUILD=1,
# PG_DB (bp_bench_telemetry: the PostgreSQL database to recreate).
source "$(dirname "$0")/server-lifecycle.sh"
WHICH="${1:-pg}"
build
WORK="$(mktemp -d /tmp/bp-telemetry.XXXXXX)"
# The benchmark's devices send far faster than real agents (one batch a minute): lift the per-device rate limit.
LIMITS=(BREAKPOINT_TELEMETRY_RATE_LIMIT_BURST=1000000 BREAKPOINT_TELEMETRY_RATE_LIMIT_PER_MINUTE=1000000)

ingest() {
  java -Xmx3g -cp "$BENCH_CP" io.breakpoint.bench.TelemetryBenchmark --base "http://127.0.0.1:$PORT" \
    --user msp.admin@gateway.demo --password "$BREAKPOINT_DEMO_PASSWORD" --devices "${DEVICES:-40}" \
    --batches "${BATCHES:-200}" --warmup "${WARMUP_BATCHES:-20}" --samples "${SAMPLES:-500}" --probes "${PROBES:-6}" \
    --concurrency "${CONCURRENCY:-4}" --server-pid "$SERVER_PID" ${DB_URL:+--db "$DB_URL"}
}

if [[ "$WHICH" == pg || "$WHICH" == both ]]; then
  DB="${PG_DB:-bp_bench_telemetry}"
  fresh_pg_database "$DB"
  start_server "$WORK/server-pg.log" "${LIMITS[@]}" BREAKPOINT_DATA_DIR="$WORK/pg" \
    BREAKPOINT_DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB" BREAKPOINT_DB_USER=postgres
  DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB"
  echo "PostgreSQL $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version'), database $DB"
  ingest
  psql -h "$PG_HOST" -U postgres -d "$DB" -tAc \
    "select 'rows after the run: telemetry_samples ' || (select count(*) from telemetry_samples) || ', probe_measurements ' || (select count(*) from probe_measurements)"
  stop_server
fi
if [[ "$WHICH" == h2 || "$WHICH" == both ]]; then
  start_server "$WORK/server-h2.log" "${LIMITS[@]}" BREAKPOINT_DATA_DIR="$WORK/h2"
  DB_URL=""
  echo "H2 file in $WORK/h2"
  ingest
  stop_server
fi
echo "server logs in $WORK"
