#!/usr/bin/env bash
# Booking throughput, whole stack vs the database alone, in one run on the same data:
#   1. wrk, 64 connections: POST /api/appointments (JWT, validation, slot rules, exclusion constraints) on free slots
#   2. pgbench, 64 clients: the equivalent single INSERT under the same constraints (plus its outbox row in the same
#      statement when notification_outbox exists), on the same slots
# and the ratio of the two rates (target >= 0.5). What each phase booked is deleted after it.
# Usage: bench/booking.sh [seconds, default 30]     Output: bench/out/result-booking.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
DURATION=${1:-30}
WARMUP=${BENCH_WARMUP:-10}
CLIENTS=64
bench_backend "$OUT/booking-backend.log"

# The slots start 7 days from today: made again only on another day
if [ "$("${PSQL[@]}" -c "SELECT to_regclass('bench.slot') IS NOT NULL AND (SELECT min(starts_at)::date FROM bench.slot) = current_date + 7")" != t ] \
   || [ ! -s "$OUT/bodies.tsv" ]; then
  log "slots and bodies"
  "${PSQL[@]}" -f bench/lib/slots.sql 2>/dev/null
  "${PSQL[@]}" -F $'\t' -c "SELECT practice_id, json_build_object('practitionerId', practitioner_id, 'motiveId', motive_id,
      'patientId', patient_id, 'start', to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'channel', 'PHONE')
      FROM bench.slot ORDER BY n LIMIT 300000" >"$OUT/bodies.tsv"
fi
fresh_tokens

http_phase() {  # seconds -> RESULT line
  WRK_THREADS=2 wrk -t2 -c$CLIENTS -d"$1s" --timeout 10s --latency -s bench/lib/booking.lua "http://127.0.0.1:$PORT" | tee -a "$OUT/booking-wrk.txt" | grep RESULT
}
OUTBOX=no
if has_outbox; then OUTBOX=yes; fi
{
  echo '\set dummy 0'
  if [ $OUTBOX = yes ]; then
    echo "WITH a AS (INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, status, channel, booked_by, booked_by_role) SELECT practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, 'BOOKED', 'PHONE', booked_by, 'SECRETARY' FROM bench.slot WHERE n = (SELECT nextval('bench.slot_seq')) RETURNING id, patient_id, practice_id, booked_by) INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind, due_at) SELECT id, patient_id, booked_by, practice_id, 'PUSH', 'BOOKING_CONFIRMATION', now() FROM a;"
  else
    echo "INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, status, channel, booked_by, booked_by_role) SELECT practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, 'BOOKED', 'PHONE', booked_by, 'SECRETARY' FROM bench.slot WHERE n = (SELECT nextval('bench.slot_seq'));"
  fi
} >"$OUT/pgbench-booking.sql"
pg_phase() {  # seconds -> tps
  "${PSQL[@]}" -c "SELECT setval('bench.slot_seq', 1, false)" >/dev/null
  pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c $CLIENTS -j 2 -T "$1" -f "$OUT/pgbench-booking.sql" postgres 2>&1 |
    tee -a "$OUT/booking-pgbench.txt" | sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p'
}

: >"$OUT/booking-wrk.txt"; : >"$OUT/booking-pgbench.txt"
rows_since() { "${PSQL[@]}" -c "SELECT count(*) FROM appointment WHERE created_at >= '$1'"; }
remove_since() { reset_bookings_since "$1"; }
http_against_pgbench "$DURATION" "$WARMUP"
{
  echo "### Booking throughput ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/booking.sh $DURATION\` (warm-up ${WARMUP}s each), $CLIENTS clients, outbox row: $OUTBOX"
  echo "- HTTP (wrk -t2 -c$CLIENTS): $HTTP; rows in the DB: $HTTP_DB; load average 1 min before/after: $LOAD_HTTP_START / $LOAD_HTTP"
  echo "  - per booking: $HTTP_COST"
  echo "- pgbench (-c$CLIENTS -j2): tps $PG_TPS; rows in the DB: $PG_DB; load average after: $LOAD_PG"
  echo "  - per booking: $PG_COST (pgbench's own CPU not counted)"
  echo "- ratio HTTP / pgbench: **$RATIO** (target >= 0.5)"
} | tee "$OUT/result-booking.md"
