#!/usr/bin/env bash
# Dispatch throughput of the packaged backend: N due reminders (REMINDER_2H push, one per patient and device) in the
# outbox, sent by the backend's own dispatchers through the real Firebase Admin SDK (FcmClient: our HttpTransport)
# to the fake FCM in a process of its own (bench/lib/FakeProvider.java), every row marked SENT.
# Usage: bench/notification/dispatch.sh [messages, default 100000]
#   env WORKERS (dispatchers, default 4), BATCH (rows per claim, 500), CHUNK (messages per sendEach, 500),
#   CONCURRENCY (FCM requests in flight, 64), PROFILE=1 (JFR of the backend during the measured run)
# Output: bench/out/result-dispatch.md
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PORT=${BENCH_PORT:-18490} BENCH_PGPORT=${BENCH_PGPORT:-54379}
source bench/lib/common.sh
source bench/lib/dispatch.sh
N=${1:-100000}
WORKERS=${WORKERS:-4}; BATCH=${BATCH:-500}; CHUNK=${CHUNK:-500}; CONCURRENCY=${CONCURRENCY:-64}
WARMUP=${WARMUP:-20000}
ensure_jar
dispatch_db
dispatch_world "$N"
trap 'backend_stop; fake_stop' EXIT
fake_start 0 "$OUT/dispatch-keys.txt"
JFR_OPTS=()
if [ "${PROFILE:-0}" = 1 ]; then JFR_OPTS=(-XX:+FlightRecorder); fi
BACKEND_JAVA_OPTS="${BACKEND_JAVA_OPTS:--Xmx1g} ${JFR_OPTS[*]:-}" dispatch_backend_start "$OUT/dispatch-backend.log" \
  -Dcreneau.notification.dispatcher.workers="$WORKERS" -Dcreneau.notification.dispatcher.batch-size="$BATCH" \
  -Dcreneau.notification.dispatcher.send-chunk="$CHUNK" -Dcreneau.notification.fcm.concurrency="$CONCURRENCY"

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system, in clock ticks
pg_cpu() { local t=0; for p in $(pgrep -P "$(head -1 "$DATA/postmaster.pid")") $(head -1 "$DATA/postmaster.pid"); do t=$((t + $(cpu "$p" 2>/dev/null || echo 0))); done; echo $t; }
HZ=$(getconf CLK_TCK)

# run N: enqueues N due rows, waits until none is open; prints "seconds"
run() {
  enqueue "$1" push
  local t0; t0=$(date +%s.%N)
  while :; do
    read -r pending sending sent other <<<"$(outbox_counts)"
    [ $((pending + sending)) = 0 ] && break
    sleep 0.25
  done
  python3 -c "print(f'{$(date +%s.%N) - $t0:.2f}')"
}

LOAD0=$(loadavg)
log "warm-up: $WARMUP messages"
run "$WARMUP" >/dev/null
curl -fsS -o /dev/null "http://127.0.0.1:$FAKE_PORT/stats"
STATS0=$(fake_stats)
log "measured: $N messages"
if [ "${PROFILE:-0}" = 1 ]; then jcmd "$BACKEND_PID" JFR.start name=dispatch filename="$OUT/dispatch.jfr" settings=profile >/dev/null; fi
B0=$(cpu "$BACKEND_PID"); F0=$(cpu "$FAKE_PID"); P0=$(pg_cpu); LOAD_START=$(loadavg)
SECONDS_TAKEN=$(run "$N")
B1=$(cpu "$BACKEND_PID"); F1=$(cpu "$FAKE_PID"); P1=$(pg_cpu); LOAD_END=$(loadavg)
if [ "${PROFILE:-0}" = 1 ]; then jcmd "$BACKEND_PID" JFR.stop name=dispatch >/dev/null; fi
STATS=$(fake_stats)
read -r pending sending sent other <<<"$(outbox_counts)"
ATTEMPTS=$("${PSQL[@]}" -c "SELECT count(*) FROM notification_attempt WHERE outcome = 'SENT'")
MAXATT=$("${PSQL[@]}" -c "SELECT max(attempts) FROM notification_outbox")
RATE=$(python3 -c "print(f'{$N / $SECONDS_TAKEN:,.0f}')")
ms_per_1000() { python3 -c "print(f'{($2 - $1) * 1000 / $HZ / $N * 1000:.0f}')"; }
{
  echo "### Dispatch throughput ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo "- machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2 " RAM, " $7 " available"}'), $(java -version 2>&1 | head -1)"
  echo "- backend: ${JAR#$ROOT/} (profile bench), dispatcher workers=$WORKERS batch=$BATCH send-chunk=$CHUNK, FCM concurrency=$CONCURRENCY; fake FCM: bench/lib/FakeProvider.java, own JVM"
  echo "- command: \`WORKERS=$WORKERS BATCH=$BATCH CHUNK=$CHUNK CONCURRENCY=$CONCURRENCY bench/notification/dispatch.sh $N\` (warm-up $WARMUP messages first)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average 1 min at start / measured run start / end: $LOAD0 / $LOAD_START / $LOAD_END"
  echo "- **$N reminders in ${SECONDS_TAKEN} s: $RATE messages/s** (target >= 10,000/s; FCM default quota 600,000/min = 10,000/s)"
  echo "- outbox after the run: pending=$pending sending=$sending sent=$sent other=$other; SENT attempt rows: $ATTEMPTS; max attempts: $MAXATT"
  echo "- fake FCM (cumulative, warm-up included): before: $STATS0; after: $STATS"
  echo "- CPU per 1,000 messages: backend $(ms_per_1000 "$B0" "$B1") ms, fake FCM $(ms_per_1000 "$F0" "$F1") ms, PostgreSQL $(ms_per_1000 "$P0" "$P1") ms"
} | tee "$OUT/result-dispatch.md"
if [ "$pending$sending$other" != 000 ] || [ "$sent" != "$N" ]; then echo "FAIL: not every row was sent" >&2; exit 1; fi
if [ "${PROFILE:-0}" = 1 ]; then
  python3 bench/lib/jfr_top.py "$OUT/dispatch.jfr" | tee -a "$OUT/result-dispatch.md"
fi
