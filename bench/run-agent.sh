#!/usr/bin/env bash
# The workstation agent's resource use: runs the real agent jar through its launcher (agent/bin/breakpoint-agent)
# against a fake Breakpoint server on 127.0.0.1 (the agent tests' FakeServer) for 10 minutes, and prints its
# average CPU share of one core and its resident memory (max and average), read from /proc/<pid>.
#
#   bench/run-agent.sh            10 minutes, a round every 60 s (the default interval)
#   bench/run-agent.sh --short    2 minutes
#   TLS=1 bench/run-agent.sh      the EMR page and transaction over HTTPS (self-signed, trusted via --trust-cert)
# Knobs: DURATION (seconds), EVERY (seconds between rounds), PORT (18931), SKIP_BUILD=1,
#        BREAKPOINT_AGENT_JAVA_OPTS (extra JVM flags for the agent, to compare settings).
#
# Every round probes the gateway (127.0.0.1 here: never the machine's real gateway), an edge and a reference
# host, one EMR page (DNS, connect, first byte, total, 5 connects), a two-step EMR transaction, and reads the
# device's facts (hourly) and load with OSHI, including all processes for the heaviest ones; a throughput
# sample (256 KB) runs every 5 minutes. Samples are queued on disk and sent after each round.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-600}"
if [[ "${1:-}" == "--short" ]]; then DURATION="${DURATION_SHORT:-120}"; fi
TLS_ARGS=()
if [[ "${TLS:-}" == 1 ]]; then TLS_ARGS=(--tls-emr); fi
EVERY="${EVERY:-60}"
PORT="${PORT:-18931}"
WARMUP=30
STATE="$(mktemp -d)"
FAKE_PID=""
AGENT_PID=""

cleanup() {
  if [[ -n "$AGENT_PID" ]] && kill -0 "$AGENT_PID" 2>/dev/null; then kill "$AGENT_PID"; wait "$AGENT_PID" 2>/dev/null || true; fi
  if [[ -n "$FAKE_PID" ]] && kill -0 "$FAKE_PID" 2>/dev/null; then kill "$FAKE_PID"; wait "$FAKE_PID" 2>/dev/null || true; fi
  rm -rf "$STATE"
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  (cd "$ROOT" && mvn -B -o -q package -DskipTests -pl agent -am)
fi

if [[ ${#TLS_ARGS[@]} -gt 0 ]]; then TLS_ARGS+=("$STATE"); fi
java -cp "$ROOT/agent/target/test-classes:$ROOT/agent/target/breakpoint-agent.jar" io.breakpoint.agent.FakeServer "$PORT" "$EVERY" \
  ${TLS_ARGS[@]+"${TLS_ARGS[@]}"} >"$STATE.fake.log" 2>&1 &
FAKE_PID=$!
for _ in $(seq 1 50); do
  if grep -q "fake server on" "$STATE.fake.log" 2>/dev/null; then break; fi
  if ! kill -0 "$FAKE_PID" 2>/dev/null; then break; fi
  sleep 0.2
done
if ! grep -q "fake server on" "$STATE.fake.log" 2>/dev/null; then
  echo "the fake server did not start on port $PORT (set PORT to a free one):"; cat "$STATE.fake.log"; exit 1
fi

AGENT="$ROOT/agent/bin/breakpoint-agent"
TRUST=()
if [[ -f "$STATE/localhost.pem" ]]; then TRUST=(--trust-cert "$STATE/localhost.pem"); fi
"$AGENT" enroll --server "http://127.0.0.1:$PORT" --code LAKESIDE-7F3K --state "$STATE/agent" ${TRUST[@]+"${TRUST[@]}"} >/dev/null
"$AGENT" run --gateway 127.0.0.1 --state "$STATE/agent" >"$STATE.agent.log" 2>&1 &
AGENT_PID=$!
sleep 0.5
# the launcher execs java, so this pid is the JVM's
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$AGENT_PID/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$AGENT_PID/status"; }

echo "agent pid $AGENT_PID: ${DURATION} s, a round every ${EVERY} s$([[ -n "${TRUST[*]:-}" ]] && echo ", EMR over TLS"); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
rss_max=0; rss_sum=0; rss_n=0; rss_sum_steady=0; rss_n_steady=0
ticks_at_warmup=""
for ((t = 1; t <= DURATION; t++)); do
  sleep 1
  if ! kill -0 "$AGENT_PID" 2>/dev/null; then echo "the agent exited early:"; cat "$STATE.agent.log"; exit 1; fi
  r=$(rss_kb)
  (( r > rss_max )) && rss_max=$r
  rss_sum=$((rss_sum + r)); rss_n=$((rss_n + 1))
  if (( t > WARMUP )); then rss_sum_steady=$((rss_sum_steady + r)); rss_n_steady=$((rss_n_steady + 1)); fi
  if (( t == WARMUP )); then ticks_at_warmup=$(cpu_ticks); warmup_time=$(date +%s.%N); fi
done
end=$(date +%s.%N)
ticks=$(cpu_ticks)
threads=$(awk '/^Threads:/ {print $2}' "/proc/$AGENT_PID/status")
hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$AGENT_PID/status")
status=$("$AGENT" status --state "$STATE/agent")
kill "$AGENT_PID"; wait "$AGENT_PID" 2>/dev/null || true; AGENT_PID=""

awk -v ticks="$ticks" -v tw="$ticks_at_warmup" -v hz="$TICK" -v s="$start" -v w="$warmup_time" -v e="$end" \
    -v max="$rss_max" -v hwm="$hwm" -v sum="$rss_sum" -v n="$rss_n" -v ssum="$rss_sum_steady" -v sn="$rss_n_steady" \
    -v threads="$threads" 'BEGIN {
  wall = e - s; cpu = ticks / hz
  printf "wall time                      %.0f s\n", wall
  printf "agent CPU time                 %.2f s (user+system, from /proc/<pid>/stat, JVM start included)\n", cpu
  printf "average CPU share of one core  %.3f %%   (budget: 1 %%)\n", 100 * cpu / wall
  printf "  after the first 30 s         %.3f %%\n", 100 * (ticks - tw) / hz / (e - w)
  printf "resident memory, max           %.1f MB   (VmHWM %.1f MB; budget: 64 MB)\n", max / 1024, hwm / 1024
  printf "resident memory, average       %.1f MB   (after the first 30 s: %.1f MB)\n", sum / n / 1024, (sn ? ssum / sn / 1024 : 0)
  printf "threads at the end             %d\n", threads
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$status" | grep -E "last send|queue|last errors"
rm -f "$STATE.fake.log" "$STATE.agent.log"
