#!/usr/bin/env bash
# Rush: 200 clients at the same instant fighting for 100 free slots of one practitioner (two clients per slot,
# each with its own patient), several rounds after a warm-up round, with Gatling (atOnceUsers). Checks in the
# database that each round booked exactly 100 appointments, one per slot; reports p50/p99 (target p99 <= 50 ms).
# In the same run, its floor: a warm-up and as many rounds of the same 200 clients each sending GET /api/me at once (the cheapest
# authenticated request: token check and one primary-key read), whose p99 bounds what any booking could reach here.
# Usage: bench/rush.sh [rounds, default 5]     Output: bench/out/result-rush.md
# RUSH_SAMPLE_WAITS=1 also samples what the database's sessions wait on during the rounds (pg_stat_activity every
# 50 ms; the sampling costs CPU, so its latencies are not comparable) into bench/out/rush-waits.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
ROUNDS=${1:-5}
bench_backend "$OUT/rush-backend.log"
fresh_tokens
# Round r: the first practitioner of the r-th bench practice from the end, the first 100 afternoon slots
# from 81 days ahead (beyond the slots of bench/booking.sh); clients i and i+100 aim at slot i.
"${PSQL[@]}" -F, -c "
WITH r AS (SELECT (row_number() OVER (ORDER BY id DESC)) - 1 AS round, id AS practice_id FROM practice WHERE name LIKE 'Bench practice %'),
pr AS (SELECT r.round, r.practice_id, (SELECT min(p.id) FROM practitioner p WHERE p.practice_id = r.practice_id) AS practitioner_id,
              (SELECT m.id FROM motive m WHERE m.practice_id = r.practice_id AND m.duration_minutes = 15) AS motive_id,
              (SELECT min(pp.patient_id) FROM practice_patient pp WHERE pp.practice_id = r.practice_id) AS first_patient
       FROM r WHERE r.round <= $ROUNDS),
slots AS (SELECT row_number() OVER (ORDER BY d, k) - 1 AS s, (d::date + TIME '14:00' + k * interval '15 minutes') AT TIME ZONE 'Europe/Paris' AS starts_at
          FROM generate_series(current_date + 81, current_date + 100, interval '1 day') d, generate_series(0, 15) k
          WHERE extract(isodow FROM d) <= 5)
SELECT pr.round, pr.practice_id, pr.practitioner_id, pr.motive_id, pr.first_patient + c AS patient_id,
       to_char(slots.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
FROM pr, generate_series(0, 199) c JOIN slots ON slots.s = c % 100 ORDER BY pr.round, c" >"$OUT/rush.rows"
python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
tokens = dict(l.rstrip("\n").split("\t") for l in open(f"{out}/tokens.tsv"))
files = {}
for line in open(f"{out}/rush.rows"):
    rnd, practice, pr, motive, patient, start = line.strip().split(",")
    if rnd not in files:
        files[rnd] = open(f"{out}/rush-{rnd}.csv", "w")
        files[rnd].write("token,practitionerId,motiveId,patientId,start\n")
    files[rnd].write(f"{tokens[practice]},{pr},{motive},{patient},{start}\n")
PY
t=$(db_now)
LOAD0=$(loadavg)
if [ "${RUSH_SAMPLE_WAITS:-0}" = 1 ]; then
  while :; do
    "${PSQL[@]}" -F' | ' -c "SELECT state, coalesce(wait_event_type, '-'), coalesce(wait_event, '-'),
      left(regexp_replace(query, '\s+', ' ', 'g'), 50) FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'" 2>/dev/null || true
    sleep 0.05
  done >"$OUT/rush-waits.raw" &
  SAMPLER=$!
fi
./mvnw -B -q -o -f bench/gatling/pom.xml test-compile gatling:test -Dgatling.simulationClass=bench.RushSimulation \
  -DbaseUrl="http://127.0.0.1:$PORT" -Drounds="$ROUNDS" -Ddir="$OUT" -DfloorPath=/api/me >"$OUT/gatling-rush.log" 2>&1 || true
LOAD1=$(loadavg)
if [ -n "${SAMPLER:-}" ]; then
  kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
  { echo "sessions seen per state | wait type | wait | statement, over the rush (samples every 50 ms):"
    sort "$OUT/rush-waits.raw" | uniq -c | sort -rn | head -15; } >"$OUT/rush-waits.txt"
fi
dir=$(ls -td bench/gatling/target/gatling/rushsimulation-* | head -1)
stats() {
  python3 - "$dir/js/stats.json" "$1" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1]))["contents"].values():
    s = c["stats"]
    if s["name"] == sys.argv[2]:
        print(f'requests={s["numberOfRequests"]["total"]} failed={s["numberOfRequests"]["ko"]} p50={s["percentiles1"]["total"]}ms '
              f'p99={s["percentiles4"]["total"]}ms max={s["maxResponseTime"]["total"]}ms')
PY
}
STATS=$(stats rush)
FLOOR=$(stats floor)
# Per round: live appointments booked by the run on the round's practitioner, and whether any two overlap
CHECK=$("${PSQL[@]}" -F' ' -c "
SELECT string_agg(practitioner_id || ':' || n, ' ' ORDER BY practitioner_id), bool_and(n = 100), sum(n)
FROM (SELECT practitioner_id, count(*) AS n FROM appointment WHERE created_at >= '$t'
        AND status NOT IN ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE') GROUP BY practitioner_id) x")
OVERLAPS=$("${PSQL[@]}" -c "SELECT count(*) FROM (SELECT starts_at < max(ends_at) OVER (PARTITION BY practitioner_id ORDER BY starts_at, id
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS overlap FROM appointment
  WHERE status NOT LIKE 'CANCELLED%' AND practitioner_id IN (SELECT DISTINCT practitioner_id FROM appointment WHERE created_at >= '$t')) x
  WHERE overlap")
reset_bookings_since "$t"
{
  echo "### Rush ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/rush.sh $ROUNDS\`: 1 warm-up round + $ROUNDS rounds of 200 clients at once (Gatling atOnceUsers) for 100 slots"
  echo "- latency over the measured rounds: $STATS; load average 1 min before/after: $LOAD0 / $LOAD1"
  echo "- database: bookings per practitioner (round) [practitioner:count ...], all exactly 100, total: $CHECK; overlapping live pairs: $OVERLAPS"
  echo "- floor, same clients and rounds, GET /api/me 200 at once: $FLOOR"
  echo "- target p99 <= 50 ms"
} | tee "$OUT/result-rush.md"
