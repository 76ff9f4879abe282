#!/usr/bin/env bash
# The diagnosis engine on a site of 200 devices x 30 days of hourly points (5 hops): time per site diagnosis.
# Usage: bench/run-diagnosis.sh [devices] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl server -am test-compile -DskipTests
java -Xmx1g -cp server/target/classes:server/target/test-classes io.breakpoint.diagnosis.internal.DiagnosisBenchmark "${1:-200}" "${2:-30}"
