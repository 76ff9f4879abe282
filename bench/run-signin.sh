#!/usr/bin/env bash
# Sign-in timing (issue 5): build, start the demo server on a fresh H2 data directory with a high per-address lockout
# threshold (all requests come from 127.0.0.1), time POST /api/v1/auth/token per kind of answer, stop the server.
# Options through the environment: ROUNDS (60), BREAKPOINT_PORT (18080), SKIP_BUILD=1.
source "$(dirname "$0")/server-lifecycle.sh"
build
WORK="$(mktemp -d /tmp/bp-signin.XXXXXX)"
start_server "$WORK/server.log" BREAKPOINT_DATA_DIR="$WORK/data" BREAKPOINT_SIGNIN_LOCKAFTERADDRESS=1000000
java -cp "$BENCH_CP" io.breakpoint.bench.SignInBenchmark --base "http://127.0.0.1:$PORT" \
  --password "$BREAKPOINT_DEMO_PASSWORD" --rounds "${ROUNDS:-60}"
stop_server
echo "server log in $WORK"
