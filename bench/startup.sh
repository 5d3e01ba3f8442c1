#!/usr/bin/env bash
# Start time and idle RSS of the packaged backend (java -jar backend/target/quarkus-app/quarkus-run.jar, prod
# profile) against an already-running PostgreSQL, several times: wall time from launch to the first 200 of
# /q/health/ready, Quarkus' own "started in", and RSS after 10 s idle. With the default heap and with -Xmx256m.
# Usage: bench/startup.sh [runs, default 5]     Output: bench/out/result-startup.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
RUNS=${1:-5}
ensure_jar
ensure_data
ensure_keys
one() {  # java options... -> "wall_s quarkus_s rss_mb"
  local t0 t1 pid
  t0=$(date +%s.%N)
  DB_URL="postgresql://127.0.0.1:$PGPORT/postgres" JWT_PRIVATE_KEY_LOCATION="$OUT/keys/private.pem" \
    JWT_PUBLIC_KEY_LOCATION="$OUT/keys/public.pem" PORT=$PORT java "$@" -jar "$JAR" >"$OUT/startup.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { tail -20 "$OUT/startup.log" >&2; return 1; }; sleep 0.05; done
  t1=$(date +%s.%N)
  sleep 10
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(python3 -c "print(f'{$t1-$t0:.2f}')") $(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$OUT/startup.log") $rss"
}
{
  echo "### Start time and idle RSS ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/startup.sh $RUNS\`; prod profile, PostgreSQL already running (Flyway finds the schema up to date)"
  for opts in "" "-Xmx256m"; do
    rows=()
    for i in $(seq 1 "$RUNS"); do rows+=("$(one $opts) $(loadavg)"); done
    printf '%s\n' "${rows[@]}" | python3 -c '
import sys, statistics
r = [l.split() for l in sys.stdin if l.strip()]
w = [float(x[0]) for x in r]; q = [float(x[1]) for x in r]; m = [int(x[2]) for x in r]
name = sys.argv[1] or "(default heap)"
loads = " ".join(x[3] for x in r)
print(f"- java {name} -jar: ready after median {statistics.median(w):.2f} s (min {min(w):.2f}, max {max(w):.2f}); "
      f"Quarkus started-in median {statistics.median(q):.2f} s; idle RSS median {statistics.median(m)} MB (min {min(m)}, max {max(m)}); "
      f"load average 1 min per run: {loads}")' "$opts"
  done
} | tee "$OUT/result-startup.md"
