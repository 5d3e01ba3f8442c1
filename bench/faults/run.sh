#!/usr/bin/env bash
# Fault tests against the packaged backend and the bench database, under a booking load (wrk, 32 connections):
#  A. SIGKILL the backend mid-load, start it again: every booking whose 201 the client received is in the
#     database, and no two live appointments overlap (per practitioner, and per patient), over the whole table.
#  B. Restart PostgreSQL mid-load: while it is down the API answers 503 problem+json quickly (no hang), and it
#     answers 200 again by itself within 5 s of the database's return (probed every 100 ms).
#  Then every access-journal chain is checked in the database: links, hashes, heads, nothing left pending.
# Usage: bench/faults/run.sh     Report: bench/faults/REPORT.md (committed)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/common.sh
F=$OUT/faults
mkdir -p "$F"; rm -f "$F"/acked-*.txt
bench_backend "$F/backend-1.log"
fresh_tokens
# Slots beyond those of bench/booking.sh (which takes the first 300,000)
[ "$("${PSQL[@]}" -c "SELECT to_regclass('bench.slot') IS NOT NULL")" = t ] || "${PSQL[@]}" -f bench/lib/slots.sql 2>/dev/null
"${PSQL[@]}" -F $'\t' -c "SELECT practice_id, json_build_object('practitionerId', practitioner_id, 'motiveId', motive_id,
    'patientId', patient_id, 'start', to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'channel', 'PHONE')
    FROM bench.slot WHERE n > 300000 ORDER BY n LIMIT 60000" >"$F/bodies.tsv"
T0=$(db_now)
LOAD0=$(loadavg)

integrity() {  # -> "acked missing_acked unacked_committed practitioner_overlaps patient_overlaps"
  cat "$F"/acked-*.txt 2>/dev/null | grep -E '^[0-9]+$' >"$F/acked.txt" || true
  "${PSQL[@]}" -F' ' -c "CREATE TEMP TABLE acked (id bigint)" -c "\\copy acked FROM '$F/acked.txt'" -c "
    WITH live AS (SELECT * FROM appointment WHERE status NOT IN ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE')),
    pr AS (SELECT starts_at < max(ends_at) OVER (PARTITION BY practitioner_id ORDER BY starts_at, id
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS overlap FROM live),
    pa AS (SELECT starts_at < max(ends_at) OVER (PARTITION BY patient_id ORDER BY starts_at, id
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS overlap FROM live)
    SELECT (SELECT count(*) FROM acked),
           (SELECT count(*) FROM acked k WHERE NOT EXISTS (SELECT 1 FROM appointment a WHERE a.id = k.id AND a.status = 'BOOKED')),
           (SELECT count(*) FROM appointment a WHERE a.created_at >= '$T0' AND a.id NOT IN (SELECT id FROM acked)),
           (SELECT count(*) FROM pr WHERE overlap), (SELECT count(*) FROM pa WHERE overlap)"
}

# ---- A. SIGKILL during a booking load
log "A: booking load, SIGKILL at 8 s, restart"
BODIES=$F/bodies.tsv wrk -t2 -c32 -d30s --timeout 5s -s bench/faults/record.lua "http://127.0.0.1:$PORT" >"$F/wrk-A.txt" 2>&1 &
WRK=$!
sleep 8
kill -9 "$BACKEND_PID"; wait "$BACKEND_PID" 2>/dev/null || true
KILLED_AT=$(date -u +%T)
sleep 1
t=$(date +%s.%N)
backend_start "$F/backend-2.log"
RESTART=$(python3 -c "print(f'{$(date +%s.%N) - $t:.1f}')")
wait $WRK || true
read -r A_ACKED A_MISSING A_UNACKED A_PR A_PA <<<"$(integrity)"
A_WRK=$(grep RESULT "$F/wrk-A.txt" || true)

# ---- B. PostgreSQL restart during a booking load, with a probe
log "B: booking load + probe, PostgreSQL stopped at 8 s, started at 16 s"
rm -f "$F"/acked-*.txt
AV="http://127.0.0.1:$PORT/api/practitioners/1/availability?motiveId=1&from=$(date -d '+1 day' +%F)&to=$(date -d '+7 day' +%F)"
START=$(date +%s.%N)
python3 bench/faults/probe.py "$AV" 30 "$F/probe.txt" "$START" &  # same time origin as the fault's events
PROBE=$!
BODIES=$F/bodies.tsv wrk -t2 -c32 -d30s --timeout 5s -s bench/faults/record.lua "http://127.0.0.1:$PORT" >"$F/wrk-B.txt" 2>&1 &
WRK=$!
sleep 8
DOWN=$(python3 -c "print(f'{$(date +%s.%N) - $START:.3f}')")
pg_stop
DOWN_DONE=$(python3 -c "print(f'{$(date +%s.%N) - $START:.3f}')")
sleep 8
LOG_FROM=$(wc -l <"$OUT/postgres.log")
pg_start
# The database's return is the instant its log says it accepts connections: pg_ctl -w returns up to seconds later
# on a loaded machine (seen 1.5 s), and a probe answered 200 in between is right, not a fault
UP=$(tail -n +"$((LOG_FROM + 1))" "$OUT/postgres.log" | python3 -c "
import sys, datetime
for line in sys.stdin:
    if 'ready to accept connections' in line:
        t = datetime.datetime.strptime(line[:23], '%Y-%m-%d %H:%M:%S.%f').replace(tzinfo=datetime.timezone.utc)
        print(f'{t.timestamp() - $START:.3f}')
        break
else:
    print(f'{datetime.datetime.now(datetime.timezone.utc).timestamp() - $START:.3f}')
")
wait $PROBE $WRK || true
B_WRK=$(grep RESULT "$F/wrk-B.txt" || true)
B=$(python3 - "$F/probe.txt" "$DOWN_DONE" "$UP" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
down, up = float(sys.argv[2]), float(sys.argv[3])
# Sent after the stop had completed and answered before the database accepted its first query again
during = [r for r in rows if float(r[0]) >= down and float(r[0]) + float(r[3]) < up]
statuses = {}
for r in during:
    key = r[1] + " " + r[2] + (" " + r[4] if len(r) > 4 else "")
    statuses[key] = statuses.get(key, 0) + 1
worst = max((float(r[3]) for r in during), default=0)
after = [r for r in rows if float(r[0]) >= up]
last_bad = max((float(r[0]) + float(r[3]) for r in after if r[1] != "200"), default=None)
recovery = 0.0 if last_bad is None else last_bad - up
ok_after = sum(1 for r in after if r[1] == "200")
print(f"during={'; '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))}|worst={worst:.3f}|recovery={recovery:.2f}|after={ok_after}/{len(after)}")
PY
)
read -r _ B_MISSING _ B_PR B_PA <<<"$(integrity)"
B_ACKED=$(wc -l <"$F/acked.txt")
reset_bookings_since "$T0"
# Every journal chain after both faults: each entry links to its predecessor and hashes right (the database's own
# rule, journal_entry_hash), each head matches its chain's last entry and length, and no entry is left pending
read -r J_ENTRIES J_BROKEN J_CHAINS J_HEADS_OFF J_PENDING <<<"$("${PSQL[@]}" -F' ' -c "
WITH e AS MATERIALIZED (SELECT practice_id, hash, n, from_end,
         prev_hash = lag(hash, 1, journal_genesis()) OVER (PARTITION BY practice_id ORDER BY id)
         AND hash = journal_entry_hash(id, practice_id, at, account_id, role, action, object_type, object_id, detail,
                                       client_ip, prev_hash) AS intact
       FROM (SELECT *, count(*) OVER (PARTITION BY practice_id) AS n,
                    row_number() OVER (PARTITION BY practice_id ORDER BY id DESC) AS from_end FROM access_journal) j)
SELECT count(*), count(*) FILTER (WHERE NOT intact), count(DISTINCT practice_id),
       (SELECT count(*) FROM journal_head h WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.practice_id = h.practice_id
          AND e.from_end = 1 AND e.hash = h.last_hash AND e.n = h.entries)),
       (SELECT count(*) FROM journal_pending)
FROM e")"
passJ=$([ "$J_BROKEN" = 0 ] && [ "$J_HEADS_OFF" = 0 ] && [ "$J_PENDING" = 0 ] && echo PASS || echo FAIL)
IFS='|' read -r B_DURING B_WORST B_RECOVERY B_AFTER <<<"$B"
passA=$([ "$A_MISSING" = 0 ] && [ "$A_PR" = 0 ] && [ "$A_PA" = 0 ] && echo PASS || echo FAIL)
rec=${B_RECOVERY#recovery=}
passB=$(python3 -c "
d='''$B_DURING'''
print('PASS' if all(k.startswith('503 application/problem+json database_unavailable') for k in [x.split(':')[0].strip() for x in d[7:].split(';') if x.strip()]) and d[7:].strip() and float('${B_WORST#worst=}') < 2 and float('$rec') <= 5 and '$B_MISSING' == '0' and '$B_PR' == '0' else 'FAIL')")
{
  echo "# Fault tests: report"
  echo
  echo "Made by \`bench/faults/run.sh\` (one command; the bench data of bench/lib/common.sh, the packaged backend)."
  echo
  machine
  echo "- load average 1 min at the end: $(loadavg)"
  echo
  echo "## A. SIGKILL of the backend during a booking load: **$passA**"
  echo "- wrk -t2 -c32 for 30 s on free slots; \`kill -9\` at 8 s ($KILLED_AT UTC); a new backend started 1 s later, ready in $RESTART s"
  echo "- wrk: $A_WRK"
  echo "- bookings whose 201 the client received: $A_ACKED; of them missing from the database (or not BOOKED): **$A_MISSING**"
  echo "- rows committed without the client seeing the 201 (the answer was lost with the process; allowed, a retry with an Idempotency-Key replays it): $A_UNACKED"
  echo "- overlapping live appointments over the whole table (window over each practitioner's and each patient's rows): practitioner **$A_PR**, patient **$A_PA**"
  echo
  echo "## B. PostgreSQL restart during a load: **$passB**"
  echo "- wrk -t2 -c32 booking for 30 s, and a probe GET availability every 100 ms (10 s client timeout)"
  echo "- PostgreSQL \`pg_ctl stop -m fast\` at ${DOWN}s (stopped at ${DOWN_DONE}s), started again (accepting connections) at ${UP}s"
  echo "- probe answers while the database was down (sent after the stop completed, answered before PostgreSQL accepted a query again): ${B_DURING#during=}; slowest answer ${B_WORST#worst=} s"
  echo "- recovery: the last non-200 probe answer ended ${rec} s after the database's return (target <= 5 s); 200s after the return: ${B_AFTER#after=}"
  echo "- wrk: $B_WRK; bookings acknowledged with 201: $B_ACKED, missing: **$B_MISSING**; overlaps: practitioner $B_PR, patient $B_PA"
  echo
  echo "## The access journal after A and B: **$passJ**"
  echo "- every chain checked in the database: $J_ENTRIES entries in $J_CHAINS practices; broken links or hashes: **$J_BROKEN**; heads not matching their chain's last entry and length: **$J_HEADS_OFF**; entries left pending: **$J_PENDING**"
  echo
  echo "Raw files (git-ignored): bench/out/faults/ (probe.txt, wrk-*.txt, backend-*.log)."
} >"$F/report-ab.md"
# Sections A and B are this script's; what follows the report's "---" line (C and D, from their own scripts) is kept
{ cat "$F/report-ab.md"; if [ -f bench/faults/REPORT.md ]; then sed -n '/^---$/,$p' bench/faults/REPORT.md | sed '1i\\'; fi; } >"$F/report.md"
mv "$F/report.md" bench/faults/REPORT.md
cat "$F/report-ab.md"
