#!/usr/bin/env bash
# Availability at a fixed arrival rate (Gatling open model, so a slow answer cannot lower the rate and hide
# itself): one practitioner over four weeks at 500 requests/s (target p99 <= 20 ms), then the earliest slot of
# a practice with 200 practitioners (target <= 50 ms) at a lower fixed rate.
# Usage: bench/availability.sh [seconds, default 30] [earliest rate/s, default 20]   Output: bench/out/result-availability.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
DURATION=${1:-30}
EARLIEST_RATE=${2:-20}
RATE=${BENCH_RATE:-500}
WARMUP=${BENCH_WARMUP:-15}
bench_backend "$OUT/availability-backend.log"
read -r PR MOTIVE <<<"$(availability_subject)"
read -r PRACTICE CMOTIVE <<<"$("${PSQL[@]}" -F' ' -c "SELECT p.id, m.id FROM practice p JOIN motive m ON m.practice_id = p.id WHERE p.name = 'Bench Centre 200'")"
FROM=$(date -d '+1 day' +%F); TO=$(date -d '+28 day' +%F)
APATH="/api/practitioners/$PR/availability?motiveId=$MOTIVE&from=$FROM&to=$TO"
EPATH="/api/practices/$PRACTICE/earliest?motiveId=$CMOTIVE"
SLOTS=$(curl -fsS "http://127.0.0.1:$PORT$APATH" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
# One earliest request before the load: a fresh backend computes the whole practice once (its cold cost, about
# that of the uncached search), so that the fixed-rate phase measures the steady state, like availability above
curl -fsS -o /dev/null "http://127.0.0.1:$PORT$EPATH" || true
# CPU time of the backend process (user + system, ms): divided by the requests of a phase it gives a cost per
# request that the other load on the machine disturbs much less than latency does (warm-up included on both sides)
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$BACKEND_PID/stat"; }
per_req() { python3 -c "print(f'{($2 - $1) / max(1, $3):.2f}')"; }
L0=$(loadavg); C0=$(cpu_ms)
read -r _ A50 A99 AMAX AOK AKO <<<"$(bench/gatling/run.sh availability "$APATH" "$RATE" "$WARMUP" "$DURATION")"
L1=$(loadavg); C1=$(cpu_ms)
read -r _ E50 E99 EMAX EOK EKO <<<"$(bench/gatling/run.sh earliest "$EPATH" "$EARLIEST_RATE" "$WARMUP" "$DURATION")"
L2=$(loadavg); C2=$(cpu_ms)
ACPU=$(per_req "$C0" "$C1" "$(( RATE * (WARMUP + DURATION) ))")
ECPU=$(per_req "$C1" "$C2" "$(( EARLIEST_RATE * (WARMUP + DURATION) ))")
{
  echo "### Availability ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/availability.sh $DURATION $EARLIEST_RATE\` (Gatling 3.13.1 constantUsersPerSec, warm-up ${WARMUP}s at the same rate)"
  echo "- one practitioner, $FROM..$TO ($SLOTS free slots), $RATE req/s for ${DURATION}s: p50 ${A50} ms, p99 **${A99} ms**, max ${AMAX} ms, ok $AOK, errors $AKO ($(python3 -c "print(f'{100*$AKO/max(1,$AOK+$AKO):.2f}')") %) (target p99 <= 20 ms); backend CPU $ACPU ms per request; load average 1 min before/after: $L0 / $L1"
  echo "- earliest slot, practice of 200 practitioners, $EARLIEST_RATE req/s for ${DURATION}s: p50 ${E50} ms, p99 **${E99} ms**, max ${EMAX} ms, ok $EOK, errors $EKO (target <= 50 ms); backend CPU $ECPU ms per request; load average after: $L2"
} | tee "$OUT/result-availability.md"
