# Shared by the bench scripts: one PostgreSQL data directory generated once (bench/out/pgdata) and reused, the
# PostgreSQL server run on its own (so the backend can be killed, restarted or timed against it), the packaged
# backend started against it, and the machine's description for RESULTS.md.
# Source it from a script that has done `cd` to the repo root.
set -euo pipefail
ROOT=$(pwd)
OUT=$ROOT/bench/out
DATA=$OUT/pgdata
PORT=${BENCH_PORT:-18090}
PGPORT=${BENCH_PGPORT:-54329}
HASH='$2a$10$MtY329nfnDopeYQ7aiyOue/oaLXJWZxoGBnZOc2EIiAXGapTWRZfW'   # bcrypt of bench-password-2026
JAR=${BENCH_JAR:-$ROOT/backend/target/quarkus-app/quarkus-run.jar}
export PGPASSWORD=postgres
PSQL=(psql -X -qAt -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need psql postgresql-client
need pgbench postgresql-contrib
need wrk wrk
need openssl openssl
need curl curl

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The same PostgreSQL 14 binaries and server flags as the embedded database of the demo and test runs
# (io.zonky embedded-postgres: fsync on, synchronous_commit off), extracted by the backend on its first start.
pg_binaries() {
  local bin
  bin=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)
  if [ -z "$bin" ]; then
    log "extracting the embedded PostgreSQL binaries (one backend start)"
    local tmp; tmp=$(mktemp -d)
    java -Dquarkus.profile=bench -Dquarkus.http.port=0 -Dcreneau.embedded.data-dir="$tmp/pg" -jar "$JAR" >"$tmp/log" 2>&1 &
    local pid=$!
    until ls -d /tmp/embedded-pg/PG-*/bin >/dev/null 2>&1 && grep -q 'started in' "$tmp/log"; do kill -0 $pid || break; sleep 1; done
    kill $pid; wait $pid 2>/dev/null || true
    bin=$(ls -d /tmp/embedded-pg/PG-*/bin | head -1)
  fi
  echo "$bin"
}

# PostgreSQL refuses to run as root; like embedded-postgres, run it in a user namespace where root is nobody.
as_pg() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

pg_start() {
  local bin; bin=$(pg_binaries)
  rm -f "$DATA/epg-lock"
  as_pg "$bin/pg_ctl" -D "$DATA" -l "$OUT/postgres.log" -w -t 120 start \
    -o "-p $PGPORT -F -c synchronous_commit=off -c max_connections=300 -c fsync=on -c timezone=UTC -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements ${PG_EXTRA_OPTS:-}" >/dev/null
}
pg_stop() {
  local bin; bin=$(pg_binaries)
  as_pg "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
}
pg_running() { [ -f "$DATA/postmaster.pid" ] && "${PSQL[@]}" -c 'SELECT 1' >/dev/null 2>&1; }

# A fixed key pair, so that tokens survive a backend restart (the fault tests restart it).
ensure_keys() {
  if [ ! -f "$OUT/keys/private.pem" ]; then
    mkdir -p "$OUT/keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/keys/private.pem" 2>/dev/null
    openssl pkey -in "$OUT/keys/private.pem" -pubout -out "$OUT/keys/public.pem"
  fi
}

ensure_jar() {
  [ -f "$JAR" ] || ./mvnw -B -o -q -pl backend -am install -DskipTests
}

# backend_start LOGFILE [extra java options...]: starts the packaged backend against the running PostgreSQL,
# sets BACKEND_PID and waits until it is ready.
backend_start() {
  local logfile=$1; shift
  ensure_keys
  DB_URL="postgresql://127.0.0.1:$PGPORT/postgres" JWT_PRIVATE_KEY_LOCATION="$OUT/keys/private.pem" \
    JWT_PUBLIC_KEY_LOCATION="$OUT/keys/public.pem" DB_POOL_SIZE=${DB_POOL_SIZE:-32} \
    java ${BACKEND_JAVA_OPTS:--Xmx1g} -Dquarkus.profile=bench -Dquarkus.http.port="$PORT" "$@" -jar "$JAR" >"$logfile" 2>&1 &
  BACKEND_PID=$!
  wait_ready "$logfile"
}
wait_ready() {
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do
    kill -0 "$BACKEND_PID" 2>/dev/null || { tail -50 "$1" >&2; return 1; }
    sleep 0.2
  done
}
backend_stop() { [ -n "${BACKEND_PID:-}" ] && kill "$BACKEND_PID" 2>/dev/null && wait "$BACKEND_PID" 2>/dev/null || true; BACKEND_PID=; }
# bench_backend LOGFILE: the packaged backend (built if missing) on the bench data (made if missing), stopped when
# the calling script exits.
bench_backend() {
  ensure_jar
  ensure_data
  backend_start "$1"
  trap 'backend_stop' EXIT
}

# The data set, generated once: 200 practices, 1,000 practitioners, ~1.95 M appointments (generate.sql), and
# one practice with 200 practitioners for the earliest-slot benchmark. BENCH_SEED_PGDATA may name a data
# directory made earlier, copied instead of generating again.
ensure_data() {
  if [ ! -f "$DATA/PG_VERSION" ]; then
    if [ -n "${BENCH_SEED_PGDATA:-}" ] && [ -f "$BENCH_SEED_PGDATA/PG_VERSION" ]; then
      log "copying the data directory from $BENCH_SEED_PGDATA"
      cp -a "$BENCH_SEED_PGDATA" "$DATA.tmp" && mv "$DATA.tmp" "$DATA"
    else
      local bin; bin=$(pg_binaries)
      rm -rf "$DATA"
      as_pg "$bin/initdb" -A trust -U postgres -D "$DATA" -E UTF-8 >/dev/null
      pg_start
      ensure_jar
      backend_start "$OUT/migrate.log"   # Flyway creates the schema
      backend_stop
      log "generating the data (several minutes)"
      local t0=$(date +%s)
      "${PSQL[@]}" -v hash="$HASH" -f bench/booking-core/generate.sql
      log "generated in $(( $(date +%s) - t0 )) s"
      pg_stop
    fi
  fi
  pg_running || pg_start
  "${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" 2>/dev/null || true
  if [ "$("${PSQL[@]}" -c "SELECT count(*) FROM practice WHERE name = 'Bench Centre 200'")" = 0 ]; then
    log "adding the practice with 200 practitioners"
    "${PSQL[@]}" -v hash="$HASH" -f bench/lib/big-practice.sql
  fi
  # Afternoons of the 1,000 bench practitioners are the booking benchmarks' target: free them of any leftovers
  # (an interrupted run, or a data directory copied from elsewhere)
  local leftovers="SELECT id FROM appointment WHERE practitioner_id IN (SELECT id FROM practitioner WHERE last_name LIKE 'Bench%')
      AND (starts_at AT TIME ZONE 'Europe/Paris')::time >= '13:00' AND starts_at > now()"
  if has_outbox; then
    "${PSQL[@]}" -c "DELETE FROM notification_outbox WHERE appointment_id IN ($leftovers)" >/dev/null
  fi
  "${PSQL[@]}" -c "DELETE FROM appointment WHERE id IN ($leftovers)" >/dev/null
  "${PSQL[@]}" -c "VACUUM ANALYZE"
}

# Removes what a benchmark booked, so that every run starts from the same data.
reset_bookings_since() {
  if "${PSQL[@]}" -c "SELECT to_regclass('notification_outbox') IS NOT NULL" | grep -q t; then
    "${PSQL[@]}" -c "DELETE FROM notification_outbox WHERE appointment_id IN (SELECT id FROM appointment WHERE created_at >= '$1')" >/dev/null
  fi
  "${PSQL[@]}" -c "DELETE FROM appointment WHERE created_at >= '$1'" -c "DELETE FROM idempotency_key WHERE created_at >= '$1'" >/dev/null
}
# the database's clock: phases are delimited by it, since rows carry its timestamps
# The practitioner and 15-minute motive whose four weeks of availability the benchmarks read: "PRACTITIONER MOTIVE"
availability_subject() {
  "${PSQL[@]}" -F' ' -c "SELECT p.id, m.id FROM practitioner p JOIN motive m ON m.practice_id = p.practice_id
    AND m.duration_minutes = 15 WHERE p.last_name LIKE 'Bench%' ORDER BY p.id LIMIT 1"
}
db_now() { "${PSQL[@]}" -c "SELECT now()"; }
has_outbox() { "${PSQL[@]}" -c "SELECT to_regclass('notification_outbox') IS NOT NULL" | grep -q t; }

# tokens FILE: logs in the 200 bench secretaries (4 at a time) and writes "practice_id TAB token" lines.
tokens() {
  "${PSQL[@]}" -F $'\t' -c "SELECT practice_id, email FROM account WHERE email LIKE 'secretary%@bench.creneau.fr' ORDER BY id" |
    while IFS=$'\t' read -r practice email; do echo "$practice $email"; done |
    xargs -P 4 -n 2 sh -c 'printf "%s\t%s\n" "$0" "$(curl -fsS -H "Content-Type: application/json" -d "{\"email\":\"$1\",\"password\":\"bench-password-2026\"}" http://127.0.0.1:'"$PORT"'/api/auth/login | python3 -c "import json,sys; print(json.load(sys.stdin)[\"accessToken\"])")"' >"$1"
}

# Access tokens last 15 minutes: log in again when the file is older than 10.
fresh_tokens() {
  if [ -z "$(find "$OUT/tokens.tsv" -mmin -10 2>/dev/null)" ]; then
    log "logging in the secretaries"
    tokens "$OUT/tokens.tsv"
  fi
}

# login EMAIL: prints an access token
login() {
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"bench-password-2026\"}" \
    "http://127.0.0.1:$PORT/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

machine() {
  echo "- machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2 " RAM, " $7 " available"}'), $(java -version 2>&1 | head -1)"
  echo "- PostgreSQL 14 (embedded-postgres binaries), fsync on, synchronous_commit off; data: $("${PSQL[@]}" -c "SELECT count(*) FROM appointment") appointments"
  echo "- backend: ${JAR#$ROOT/}"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# CPU seconds (user + system) used so far by a process, or by all the PostgreSQL server's processes: compared
# before and after a phase, they give the CPU per booking whatever else runs on the machine.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
pg_cpu() {
  local pm; pm=$(head -1 "$DATA/postmaster.pid")
  # the postmaster's own CPU, its ended backends' (reaped: cutime, cstime) and its live backends'
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
    for c in $(cat "/proc/$pm/task/$pm/children" 2>/dev/null); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done; } |
    awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { print s / hz }'
}
# SQL statements and their execution time in the database since the last pg_stat_statements_reset()
# (BEGIN/COMMIT included; the reset itself and this query excluded)
pg_statements() {
  "${PSQL[@]}" -F' ' -c "SELECT sum(calls), round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements
    WHERE query NOT LIKE '%pg_stat_statements%'"
}

# whole_stack_cost N APP0 APP1 PG0 PG1 "STATEMENTS TIME": the backend's and PostgreSQL's CPU and the statements per
# request of an HTTP phase that wrote N rows (CPU seconds before/after from cpu_of and pg_cpu, pg_statements' output)
whole_stack_cost() {
  python3 -c "n=$1; s='$6'.split(); print(f'backend CPU {($3-$2)*1000/n:.2f} ms, PostgreSQL CPU {($5-$4)*1000/n:.2f} ms, {int(s[0])/n:.1f} SQL statements (BEGIN/COMMIT included) taking {float(s[1])/n:.2f} ms to execute')"
}

# http_against_pgbench DURATION WARMUP: the same work through the whole stack, then in pgbench, on the same data.
# The caller defines http_phase SECONDS (prints wrk's RESULT line with rate=), pg_phase SECONDS (prints the tps),
# rows_since T (rows the work wrote since the database time T) and remove_since T (deletes them). Each phase has
# a warm-up; the CPU of the backend and of PostgreSQL is read around the measured ones. Sets HTTP, HTTP_DB,
# HTTP_COST, LOAD_HTTP_START, LOAD_HTTP, PG_TPS, PG_DB, PG_COST, LOAD_PG and RATIO.
http_against_pgbench() {
  local duration=$1 warmup=$2 t app0 app1 pg0 pg1 stmts
  log "HTTP warm-up ${warmup}s"
  t=$(db_now); http_phase "$warmup" >/dev/null; remove_since "$t"
  log "HTTP measured ${duration}s"
  t=$(db_now); LOAD_HTTP_START=$(loadavg)
  "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  app0=$(cpu_of "$BACKEND_PID"); pg0=$(pg_cpu)
  HTTP=$(http_phase "$duration")
  app1=$(cpu_of "$BACKEND_PID"); pg1=$(pg_cpu); stmts=$(pg_statements)
  HTTP_DB=$(rows_since "$t")
  HTTP_COST=$(whole_stack_cost "$HTTP_DB" "$app0" "$app1" "$pg0" "$pg1" "$stmts")
  LOAD_HTTP=$(loadavg)
  remove_since "$t"
  log "pgbench warm-up ${warmup}s"
  t=$(db_now); pg_phase "$warmup" >/dev/null; remove_since "$t"
  log "pgbench measured ${duration}s"
  t=$(db_now); pg0=$(pg_cpu)
  PG_TPS=$(pg_phase "$duration")
  pg1=$(pg_cpu)
  PG_DB=$(rows_since "$t")
  PG_COST=$(python3 -c "print(f'PostgreSQL CPU {($pg1-$pg0)*1000/$PG_DB:.2f} ms')")
  LOAD_PG=$(loadavg)
  remove_since "$t"
  RATIO=$(python3 -c "print(f'{$(sed -n 's/.* rate=\([0-9.]*\) .*/\1/p' <<<"$HTTP") / $PG_TPS:.3f}')")
}
