#!/usr/bin/env bash
# Where a booking's time goes: the booking load of bench/booking.sh (wrk, 64 clients) for a warm-up, then a
# JFR recording of the backend while the load goes on, summarised as the top frames (self time) and the top
# application frames anywhere in the stack, with pg_stat_statements' statements per booking.
# Usage: bench/booking-profile.sh [seconds recorded, default 30]   Output: bench/out/profile-booking.txt
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
SECONDS_RECORDED=${1:-30}
WARMUP=${BENCH_WARMUP:-30}
[ -s "$OUT/bodies.tsv" ] || { echo "run bench/booking.sh once first (it makes the slots)" >&2; exit 1; }
bench_backend "$OUT/profile-backend.log"
fresh_tokens
t=$(db_now)
WRK_THREADS=2 wrk -t2 -c64 -d"$((WARMUP + SECONDS_RECORDED + 5))s" --timeout 10s -s bench/lib/booking.lua "http://127.0.0.1:$PORT" >"$OUT/profile-wrk.txt" &
WRK=$!
sleep "$WARMUP"
"${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
n0=$("${PSQL[@]}" -c "SELECT count(*) FROM appointment WHERE created_at >= '$t'")
jcmd "$BACKEND_PID" JFR.start name=booking settings=profile duration="${SECONDS_RECORDED}s" filename="$OUT/booking.jfr" >/dev/null
sleep "$((SECONDS_RECORDED + 2))"
n1=$("${PSQL[@]}" -c "SELECT count(*) FROM appointment WHERE created_at >= '$t'")
STATEMENTS=$("${PSQL[@]}" -F' | ' -c "SELECT round(calls::numeric / GREATEST($n1 - $n0, 1), 2), round(mean_exec_time::numeric, 3),
    left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
    ORDER BY calls DESC LIMIT 25")
wait $WRK || true
reset_bookings_since "$t"
{
  echo "### Booking profile ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- bookings while recording: $((n1 - n0)) in ${SECONDS_RECORDED}s; load average 1 min: $(loadavg)"
  echo "- statements per booking | mean ms | statement"
  echo "$STATEMENTS"
  echo "- JFR execution samples, top frames (self):"
  jfr print --events jdk.ExecutionSample "$OUT/booking.jfr" | python3 bench/lib/jfr_summary.py
} | tee "$OUT/profile-booking.txt"
