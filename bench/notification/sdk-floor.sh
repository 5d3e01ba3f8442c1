#!/usr/bin/env bash
# The push path's own ceiling on this machine: the backend's FcmPushChannel (real Firebase Admin SDK, FcmClient
# transport and executor, same Message building) sending prepared reminders to the fake FCM (own JVM), with no
# database and no dispatcher work at all (bench/lib/SdkFloor.java). The dispatch benchmark can only be slower.
# Usage: bench/notification/sdk-floor.sh [messages, default 100000]
#   env WORKERS (sending threads, default 4), CHUNK (messages per sendEach, 500), CONCURRENCY (FCM requests in
#   flight, 64), WARMUP (messages first, 20000), PROFILE=1 (JFR of the sender, warm-up included)
# Output: bench/out/result-sdk-floor.md
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PORT=${BENCH_PORT:-18490} BENCH_PGPORT=${BENCH_PGPORT:-54379}
source bench/lib/common.sh
source bench/lib/dispatch.sh
N=${1:-100000}
WORKERS=${WORKERS:-4}; CHUNK=${CHUNK:-500}; CONCURRENCY=${CONCURRENCY:-64}; WARMUP=${WARMUP:-20000}
ensure_jar
service_account
trap 'fake_stop' EXIT
fake_start 0 "$OUT/sdk-floor-keys.txt"
APP=$(dirname "$JAR")
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
LOAD0=$(loadavg)
F0=$(cpu "$FAKE_PID")
JFR_OPTS=()
if [ "${PROFILE:-0}" = 1 ]; then JFR_OPTS=(-XX:StartFlightRecording=settings=profile,filename="$OUT/sdk-floor.jfr"); fi
LINE=$(java -Xmx1g "${JFR_OPTS[@]}" -cp "$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*" bench/lib/SdkFloor.java "$SERVICE_ACCOUNT" \
  "http://127.0.0.1:$FAKE_PORT" "$WARMUP" "$N" "$WORKERS" "$CHUNK" "$CONCURRENCY" 2>"$OUT/sdk-floor.log" | tail -1)
F1=$(cpu "$FAKE_PID")
STATS=$(fake_stats)
LOAD1=$(loadavg)
RATE=$(sed -E 's/.*rate=([0-9]+).*/\1/' <<<"$LINE")
SENDER=$(sed -E 's/.*cpu_ms_per_1000=([0-9]+).*/\1/' <<<"$LINE")
FAILED=$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$LINE")
FAKE_MS=$(python3 -c "print(f'{($F1 - $F0) * 1000 / $HZ / ($N + $WARMUP) * 1000:.0f}')")
{
  echo "### Push path alone: SDK floor ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo "- machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2 " RAM, " $7 " available"}'), $(java -version 2>&1 | head -1)"
  echo "- sender: ${JAR#$ROOT/}'s FcmPushChannel + FcmClient (Firebase Admin SDK 9.7.0), no database; fake FCM: bench/lib/FakeProvider.java, own JVM"
  echo "- command: \`WORKERS=$WORKERS CHUNK=$CHUNK CONCURRENCY=$CONCURRENCY bench/notification/sdk-floor.sh $N\` (warm-up $WARMUP messages first); load average 1 min at start / end: $LOAD0 / $LOAD1"
  echo "- **$RATE messages/s** (target of the dispatch benchmark >= 10,000/s); $LINE"
  echo "- CPU per 1,000 messages: sender $SENDER ms, fake FCM $FAKE_MS ms (warm-up included); fake: $STATS"
} | tee "$OUT/result-sdk-floor.md"
if [ "${PROFILE:-0}" = 1 ]; then python3 bench/lib/jfr_top.py "$OUT/sdk-floor.jfr" | tee -a "$OUT/result-sdk-floor.md"; fi
if [ "$FAILED" != 0 ] || [ -z "$RATE" ]; then echo "FAIL: $FAILED messages not sent (see $OUT/sdk-floor.log)" >&2; exit 1; fi
