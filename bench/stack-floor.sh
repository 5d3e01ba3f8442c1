#!/usr/bin/env bash
# The stack's floor: how close can any endpoint of this backend come to pgbench on this machine? The simplest
# authenticated write, whole stack vs the database alone, in one run on the same data:
#   1. wrk, 64 connections: POST /api/practices/{id}/calls by each practice's secretary (HTTP, JWT, role and
#      practice checks, validation, one INSERT and one primary-key read through Hibernate Reactive, JSON answer)
#   2. pgbench, 64 clients: the same transaction (BEGIN, the INSERT, the read, COMMIT)
# and the ratio of the two rates. It bounds the booking ratio (bench/booking.sh, 10 statements) from above.
# Usage: bench/stack-floor.sh [seconds, default 30]     Output: bench/out/result-stack-floor.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
DURATION=${1:-30}
WARMUP=${BENCH_WARMUP:-10}
CLIENTS=64
bench_backend "$OUT/stack-floor-backend.log"
fresh_tokens
"${PSQL[@]}" -c "CREATE SCHEMA IF NOT EXISTS bench" \
  -c "DROP TABLE IF EXISTS bench.secretary" \
  -c "CREATE TABLE bench.secretary AS SELECT row_number() OVER (ORDER BY id) AS n, practice_id, id AS account_id
      FROM account WHERE email LIKE 'secretary%@bench.creneau.fr'" >/dev/null
SECRETARIES=$("${PSQL[@]}" -c "SELECT count(*) FROM bench.secretary")
cat >"$OUT/pgbench-stack-floor.sql" <<SQL
\\set n random(1, $SECRETARIES)
BEGIN;
INSERT INTO phone_call (practice_id, answered_by, started_at, caller_name, caller_phone) SELECT practice_id, account_id, now(), 'Bench floor', '+33612345678' FROM bench.secretary WHERE n = :n RETURNING answered_by \\gset
SELECT * FROM account WHERE id = :answered_by;
COMMIT;
SQL
rows_since() { "${PSQL[@]}" -c "SELECT count(*) FROM phone_call WHERE caller_name = 'Bench floor' AND started_at >= '$1'"; }
remove_since() { "${PSQL[@]}" -c "DELETE FROM phone_call WHERE caller_name = 'Bench floor'" >/dev/null; }
http_phase() {  # seconds -> RESULT line
  wrk -t2 -c$CLIENTS -d"$1s" --timeout 10s --latency -s bench/lib/calls.lua "http://127.0.0.1:$PORT" | tee -a "$OUT/stack-floor-wrk.txt" | grep RESULT
}
pg_phase() {  # seconds -> tps
  pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c $CLIENTS -j 2 -T "$1" -f "$OUT/pgbench-stack-floor.sql" postgres 2>&1 |
    tee -a "$OUT/stack-floor-pgbench.txt" | sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p'
}
: >"$OUT/stack-floor-wrk.txt"; : >"$OUT/stack-floor-pgbench.txt"
remove_since now
http_against_pgbench "$DURATION" "$WARMUP"
{
  echo "### Stack floor: one INSERT and one read per request ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/stack-floor.sh $DURATION\` (warm-up ${WARMUP}s each), $CLIENTS clients"
  echo "- HTTP (wrk -t2 -c$CLIENTS, POST /api/practices/{id}/calls): $HTTP; rows in the DB: $HTTP_DB; load average 1 min before/after: $LOAD_HTTP_START / $LOAD_HTTP"
  echo "  - per request: $HTTP_COST"
  echo "- pgbench (-c$CLIENTS -j2, BEGIN + the INSERT + the read + COMMIT): tps $PG_TPS; rows in the DB: $PG_DB; load average after: $LOAD_PG"
  echo "  - per transaction: $PG_COST (pgbench's own CPU not counted)"
  echo "- ratio HTTP / pgbench: **$RATIO**"
} | tee "$OUT/result-stack-floor.md"
