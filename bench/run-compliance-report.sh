#!/usr/bin/env bash
# Compliance report rendering: build, start the demo server on a fresh embedded H2 database, then as the
# practice manager pm.grant@riverbend.demo fetch the demo's completed HIPAA assessment report as HTML and as
# PDF, REQUESTS times each (after 5 warm-up requests), and print p50/p95/max of the full response time (curl).
# Also the organization's evidence and self-audit, which ask the real sources (sign-in, audit verify, device
# registry, segments, and a site diagnosis per site for the EMR-lag question; docs/decisions/0022).
#   bench/run-compliance-report.sh        Options: REQUESTS (50), BREAKPOINT_PORT (18080), SKIP_BUILD=1.
source "$(dirname "$0")/server-lifecycle.sh"
build
WORK="$(mktemp -d /tmp/bp-compliance.XXXXXX)"
start_server "$WORK/server.log" BREAKPOINT_DATA_DIR="$WORK/data"
BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"pm.grant@riverbend.demo","password":"'"$BREAKPOINT_DEMO_PASSWORD"'"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
ORG=$(curl -fs "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" | sed 's/^\[{"id":"\([^"]*\)".*/\1/')
# The demo's assessments, newest first: the completed one is the second.
ASSESSMENT=$(curl -fs "$BASE/api/v1/compliance/organizations/$ORG/assessments" -H "Authorization: Bearer $TOKEN" \
  | grep -o '"id":"[^"]*","organizationId":"[^"]*","number":1,' | sed 's/"id":"\([^"]*\)".*/\1/')
measure() {
  local what="$1" path="$2" n="${REQUESTS:-50}"
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null "$BASE$path" -H "Authorization: Bearer $TOKEN"; done
  for _ in $(seq 1 "$n"); do
    curl -fs -o "$WORK/last" -w '%{time_total}\n' "$BASE$path" -H "Authorization: Bearer $TOKEN"
  done | sort -n | awk -v what="$what" -v bytes="$(stat -c %s "$WORK/last" 2>/dev/null || echo 0)" '
    { t[NR] = $1 * 1000 }
    END { printf "%-12s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms\n", what, NR, t[int(NR*0.5+0.5)], t[int(NR*0.95+0.5)], t[NR] }'
  echo "             size $(stat -c %s "$WORK/last") bytes"
}
echo "assessment $ASSESSMENT of organization $ORG; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "report HTML" "/api/v1/compliance/assessments/$ASSESSMENT/report"
measure "report PDF" "/api/v1/compliance/assessments/$ASSESSMENT/report.pdf"
measure "evidence" "/api/v1/compliance/organizations/$ORG/evidence"
measure "self-audit" "/api/v1/compliance/organizations/$ORG/self-audit"
stop_server
echo "server log in $WORK/server.log"
