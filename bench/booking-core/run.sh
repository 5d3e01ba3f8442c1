#!/usr/bin/env bash
# Booking-core benchmark: loads 1,000 practitioners with ~15 months of appointments into a fresh embedded
# PostgreSQL behind the real backend, then measures with wrk:
#   - availability latency (one practitioner, one week, random practitioners) p50/p99
#   - booking throughput (POST /api/appointments by the practices' secretaries on free afternoon slots)
# Usage: bench/booking-core/run.sh [duration-seconds]   Results: bench/booking-core/RESULTS.md (appended by hand).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=bench/out/booking-core
DURATION=${1:-30}
PORT=${BENCH_PORT:-18090}
PGPORT=${BENCH_PGPORT:-54329}
HASH='$2a$10$MtY329nfnDopeYQ7aiyOue/oaLXJWZxoGBnZOc2EIiAXGapTWRZfW'   # bcrypt of bench-password-2026
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need psql postgresql-client

[ -f backend/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q install -DskipTests -pl shared-model,backend
rm -rf "$OUT/pgdata"
java -Xmx1g -Dquarkus.profile=bench -Dquarkus.http.port="$PORT" -Dcreneau.embedded.port="$PGPORT" \
  -Dcreneau.embedded.data-dir="$ROOT/$OUT/pgdata" -Dquarkus.datasource.reactive.max-size=32 \
  -jar backend/target/quarkus-app/quarkus-run.jar >"$OUT/backend.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $PID || { cat "$OUT/backend.log"; exit 1; }; sleep 0.5; done

echo "== generating data"
start=$(date +%s)
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v hash="$HASH" -f bench/booking-core/generate.sql
echo "generated in $(( $(date +%s) - start )) s"
PSQL=(env PGPASSWORD=postgres psql -qAt -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)
"${PSQL[@]}" -c "SELECT 'practitioners', count(*) FROM practitioner WHERE last_name LIKE 'Bench%' UNION ALL SELECT 'appointments', count(*) FROM appointment" | tee "$OUT/volume.txt"

echo "== logging in the 200 secretaries"
: >"$OUT/tokens.tsv"
for n in $(seq 1 200); do
  tok=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"secretary$n@bench.creneau.fr\",\"password\":\"bench-password-2026\"}" \
    "http://127.0.0.1:$PORT/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  pid=$("${PSQL[@]}" -c "SELECT practice_id FROM account WHERE email = 'secretary$n@bench.creneau.fr'")
  printf '%s\t%s\n' "$pid" "$tok" >>"$OUT/tokens.tsv"
done

echo "== preparing requests"
"${PSQL[@]}" -F $'\t' -c "SELECT p.id, p.practice_id, (SELECT m.id FROM motive m WHERE m.practice_id = p.practice_id AND m.duration_minutes = 15),
  (SELECT min(pp.patient_id) FROM practice_patient pp WHERE pp.practice_id = p.practice_id)
  FROM practitioner p WHERE p.last_name LIKE 'Bench%' ORDER BY p.id" >"$OUT/practitioners.tsv"
python3 bench/booking-core/prepare.py "$OUT"

echo "== availability: $DURATION s, 2 threads, 16 connections"
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/booking-core/availability.lua "http://127.0.0.1:$PORT" | tee "$OUT/availability.txt"
echo "== booking: $DURATION s, 2 threads, 64 connections"
wrk -t2 -c64 -d"${DURATION}s" --latency -s bench/booking-core/booking.lua "http://127.0.0.1:$PORT" | tee "$OUT/booking.txt"
"${PSQL[@]}" -c "SELECT 'bookings made by the load', count(*) FROM appointment WHERE created_at > now() - interval '10 minutes' AND channel = 'PHONE' AND starts_at::time >= '13:00'" | tee -a "$OUT/booking.txt"
echo "== machine"; { nproc; free -h | head -2; java -version 2>&1 | head -1; date -u; } | tee "$OUT/machine.txt"
