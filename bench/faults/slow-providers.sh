#!/usr/bin/env bash
# Fault (issue #6): a slow FCM and SMS provider (seconds per call) must not slow booking or the API.
# Two phases on the booking data of bench/lib/common.sh, each with the packaged backend's dispatchers running:
#   fast: the fakes (bench/lib/FakeProvider.java, own JVM) answer at once;
#   slow: the same fakes answer every call after SLOW_MS (default 3000 ms).
# In each phase 20,000 reminders are due (half push to devices, half SMS) when the booking load starts, and each
# booking enqueues its own SMS confirmation; the booking load is bench/booking.sh's (wrk, 64 clients, secretaries
# booking free slots). Compared: bookings/s, p50/p99, errors; and what the dispatchers sent meanwhile.
# Usage: bench/faults/slow-providers.sh [seconds, default 30]  (env SLOW_MS 3000, CLIENTS 64, REMINDERS 20000)     Output: bench/out/result-slow-providers.md
set -euo pipefail
cd "$(dirname "$0")/../.."
# the booking data and ports of bench/lib/common.sh (BENCH_PORT, BENCH_PGPORT to move them)
source bench/lib/common.sh
source bench/lib/dispatch.sh
DURATION=${1:-30}; WARMUP=${BENCH_WARMUP:-10}; SLOW_MS=${SLOW_MS:-3000}; REMINDERS=${REMINDERS:-20000}; CLIENTS=${CLIENTS:-64}
F=$OUT/faults; mkdir -p "$F"
ensure_jar
# ensure_data frees the bench practitioners' future afternoons; their outbox rows (left by an interrupted run) first
if [ -f "$DATA/PG_VERSION" ]; then
  pg_running || pg_start
  if has_outbox; then
    "${PSQL[@]}" -c "DELETE FROM notification_outbox WHERE appointment_id IN (SELECT id FROM appointment WHERE practitioner_id IN
      (SELECT id FROM practitioner WHERE last_name LIKE 'Bench%') AND (starts_at AT TIME ZONE 'Europe/Paris')::time >= '13:00' AND starts_at > now())" >/dev/null
  fi
fi
ensure_data
trap 'backend_stop; fake_stop' EXIT
if [ "$("${PSQL[@]}" -c "SELECT to_regclass('notification_outbox') IS NOT NULL")" != t ]; then
  backend_start "$F/slow-migrate.log" -Dcreneau.notification.dispatcher.enabled=false  # Flyway brings the schema up to date
  backend_stop
fi
# The slots and bodies of bench/booking.sh (7 days ahead, made again on another day)
if [ "$("${PSQL[@]}" -c "SELECT to_regclass('bench.slot') IS NOT NULL AND (SELECT min(starts_at)::date FROM bench.slot) = current_date + 7")" != t ] \
   || [ ! -s "$OUT/bodies.tsv" ]; then
  log "slots and bodies"
  "${PSQL[@]}" -f bench/lib/slots.sql 2>/dev/null
  "${PSQL[@]}" -F $'\t' -c "SELECT practice_id, json_build_object('practitionerId', practitioner_id, 'motiveId', motive_id,
      'patientId', patient_id, 'start', to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'channel', 'PHONE')
      FROM bench.slot ORDER BY n LIMIT 300000" >"$OUT/bodies.tsv"
fi
# Push targets: an account and a device for the patients of the first future appointments (made once)
"${PSQL[@]}" -c "INSERT INTO account (email, password_hash, role, display_name, patient_id)
  SELECT DISTINCT 'slowfake-' || a.patient_id || '@bench.creneau.fr', 'x', 'PATIENT', 'Bench', a.patient_id
  FROM (SELECT patient_id FROM appointment WHERE status = 'BOOKED' AND starts_at > now() + interval '1 day' ORDER BY id LIMIT $REMINDERS) a
  WHERE NOT EXISTS (SELECT 1 FROM account x WHERE x.patient_id = a.patient_id)" >/dev/null
"${PSQL[@]}" -c "INSERT INTO device_token (account_id, push_key) SELECT id, 'cn1-fcm-slowfake-' || id FROM account
  WHERE email LIKE 'slowfake-%' ON CONFLICT DO NOTHING" >/dev/null

retire() { "${PSQL[@]}" -c "UPDATE notification_outbox SET status = 'SKIPPED', last_error = 'retired by the bench'
  WHERE status IN ('PENDING', 'SENDING')" >/dev/null; }
due_reminders() {
  "${PSQL[@]}" -c "INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind, due_at, payload)
    SELECT a.id, a.patient_id, acc.id, a.practice_id, CASE WHEN a.id % 2 = 0 THEN 'SMS' ELSE 'PUSH' END, 'REMINDER_2H', now(),
      jsonb_build_object('appointments', jsonb_build_array(jsonb_build_object('id', a.id)))
    FROM appointment a LEFT JOIN account acc ON acc.patient_id = a.patient_id
    WHERE a.status = 'BOOKED' AND a.starts_at > now() + interval '1 day' ORDER BY a.id LIMIT $REMINDERS" >/dev/null
}
# Requests wrk gave up on may still commit after it ends (a loaded backend): let them land, then delete
reset_since() { sleep 3; reset_bookings_since "$1" 2>/dev/null || { sleep 10; reset_bookings_since "$1"; }; }
http_phase() {  # seconds -> RESULT line
  WRK_THREADS=2 wrk -t2 -c$CLIENTS -d"$1s" --timeout 10s --latency -s bench/lib/booking.lua "http://127.0.0.1:$PORT" | tee -a "$F/slow-wrk.txt" | grep RESULT
}
: >"$F/slow-wrk.txt"
phase() {  # name delay_ms -> one report line
  local name=$1 delay=$2
  retire
  fake_start "$delay" "$F/slow-keys-$name.txt"
  dispatch_backend_start "$F/slow-backend-$name.log"
  fresh_tokens
  # Warm-up until bookings are answered (a cold JVM on a loaded machine can take longer than one round)
  local t w
  for w in 1 2 3 4; do
    t=$(db_now); local r0; r0=$(http_phase "$WARMUP"); reset_since "$t"
    [ "$(sed -n 's/.*created=\([0-9]*\).*/\1/p' <<<"$r0")" -gt $((WARMUP * 2)) ] && break
  done
  retire
  due_reminders
  sleep 1   # the first tick claims: the dispatchers are busy with slow calls when the load starts
  t=$(db_now)
  local l0; l0=$(loadavg)
  local r; r=$(http_phase "$DURATION")
  local l1; l1=$(loadavg)
  local stats; stats=$(fake_stats)
  local sent; sent=$("${PSQL[@]}" -c "SELECT count(*) FROM notification_outbox WHERE status = 'SENT' AND sent_at >= '$t'")
  local open; open=$("${PSQL[@]}" -c "SELECT count(*) FROM notification_outbox WHERE status IN ('PENDING', 'SENDING')")
  local blocked; blocked=$(jstack "$BACKEND_PID" 2>/dev/null | grep -c '"\(fcm-send\|notification-dispatcher\|HttpClient\)' || true)
  echo "- **$name** (fakes answer after $delay ms): booking $r; load average 1 min before/after: $l0 / $l1; sent by the dispatchers during the load: $sent, still open after it: $open; fakes: $stats"
  reset_since "$t"
  backend_stop; fake_stop
}
LOAD0=$(loadavg)
# fast, slow, fast again: the second fast phase shows how much the machine itself drifted meanwhile
FAST=$(phase fast 0)
SLOW=$(phase slow "$SLOW_MS")
FAST2=$(phase fast-again 0)
{
  echo "## D. Slow providers (FCM and SMS answering after ${SLOW_MS} ms) during a booking load"
  machine | sed "s/load average at start: .*/load average 1 min at the script start: $LOAD0, at the end: $(loadavg)/"
  echo "- command: \`CLIENTS=$CLIENTS SLOW_MS=$SLOW_MS bench/faults/slow-providers.sh $DURATION\` (warm-up ${WARMUP}s per phase); wrk -t2 -c$CLIENTS booking as bench/booking.sh; $REMINDERS reminders due at the start of each measured run (half push, half SMS) plus each booking's SMS confirmation"
  echo "$FAST"
  echo "$SLOW"
  echo "$FAST2"
  echo "- dispatcher time-outs: FCM connect 5 s / read 10 s / pool wait 10 s (FcmClient), Brevo connect 10 s / request 15 s; a worker stops sending once half its lease has passed"
} | tee "$OUT/result-slow-providers.md"
