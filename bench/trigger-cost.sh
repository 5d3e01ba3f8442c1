#!/usr/bin/env bash
# What the agenda_version triggers (V14_1, the invalidation of cached availability) cost a booking: the booking
# INSERT of bench/booking.sh in pgbench, 64 clients, with the triggers enabled and disabled, alternated
# (on, off, on, off) so that both see the same machine load. Two cases:
#   spread: consecutive bookings hit different practitioners (bench/lib/slots.sql order), as in bench/booking.sh;
#   one:    every booking is for the same practitioner (different times), the worst case for the version row.
# No backend runs. Usage: bench/trigger-cost.sh [seconds per phase, default 15]   Output: bench/out/result-trigger-cost.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
SECONDS_PER=${1:-15}
CLIENTS=64
ensure_data
TRIGGERS=(appointment_agenda_version_ins_del appointment_agenda_version_upd)
if [ "$("${PSQL[@]}" -c "SELECT count(*) FROM pg_trigger WHERE tgname = 'appointment_agenda_version_ins_del'")" = 0 ]; then
  echo "the agenda_version triggers are not in this database: start the backend of this branch once (Flyway)" >&2
  exit 1
fi
triggers() {  # enable|disable
  for t in "${TRIGGERS[@]}"; do "${PSQL[@]}" -c "ALTER TABLE appointment ${1^^} TRIGGER $t"; done
}
trap 'triggers enable' EXIT
"${PSQL[@]}" -f bench/lib/slots.sql 2>/dev/null
# One practitioner, 15-minute slots back to back far ahead (no opening hours apply to a raw INSERT); patients rotate
# over 250 so that the patient constraint never interferes.
"${PSQL[@]}" <<'SQL'
DROP TABLE IF EXISTS bench.one_slot;
CREATE TABLE bench.one_slot AS
SELECT k + 1 AS n, s.practice_id, s.practitioner_id, s.site_id, s.motive_id, s.booked_by,
       (SELECT min(pp.patient_id) FROM practice_patient pp WHERE pp.practice_id = s.practice_id) + k % 250 AS patient_id,
       TIMESTAMPTZ '2031-01-06 00:00:00+00' + k * interval '15 minutes' AS starts_at,
       TIMESTAMPTZ '2031-01-06 00:15:00+00' + k * interval '15 minutes' AS ends_at
FROM (SELECT * FROM bench.slot ORDER BY n LIMIT 1) s, generate_series(0, 399999) k;
ALTER TABLE bench.one_slot ADD PRIMARY KEY (n);
ANALYZE bench.one_slot;
SQL
for table in slot one_slot; do
  echo "\\set dummy 0
INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, status, channel, booked_by, booked_by_role) SELECT practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, 'BOOKED', 'PHONE', booked_by, 'SECRETARY' FROM bench.$table WHERE n = (SELECT nextval('bench.slot_seq'));" >"$OUT/pgbench-trigger-$table.sql"
done
phase() {  # table on|off -> tps
  [ "$2" = on ] && triggers enable || triggers disable
  local t; t=$(db_now)
  "${PSQL[@]}" -c "SELECT setval('bench.slot_seq', 1, false)" >/dev/null
  pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c $CLIENTS -j 2 -T "$SECONDS_PER" -f "$OUT/pgbench-trigger-$1.sql" postgres 2>&1 |
    sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p'
  reset_bookings_since "$t"
}
L0=$(loadavg)
declare -A R
for table in slot one_slot; do
  phase "$table" on >/dev/null   # warm-up
  for round in 1 2; do
    for mode in on off; do
      R[$table.$mode.$round]=$(phase "$table" "$mode")
      log "$table triggers $mode round $round: ${R[$table.$mode.$round]} tps (load $(loadavg))"
    done
  done
done
L1=$(loadavg)
{
  echo "### Cost of the agenda_version triggers on the booking INSERT ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/trigger-cost.sh $SECONDS_PER\` (pgbench -c$CLIENTS -j2, ${SECONDS_PER}s per phase, triggers on/off alternated)"
  echo "- bookings spread over practitioners: with triggers ${R[slot.on.1]} / ${R[slot.on.2]} tps, without ${R[slot.off.1]} / ${R[slot.off.2]} tps"
  echo "- every booking for one practitioner: with triggers ${R[one_slot.on.1]} / ${R[one_slot.on.2]} tps, without ${R[one_slot.off.1]} / ${R[one_slot.off.2]} tps"
  echo "- load average 1 min before/after: $L0 / $L1"
} | tee "$OUT/result-trigger-cost.md"
