#!/usr/bin/env bash
# What one request costs the backend, in CPU, for two reads with no write: GET /api/me (a secretary's access token,
# one primary-key read) and a practitioner's availability over four weeks (public, served from the availability
# cache). wrk keeps CONNECTIONS connections open (closed loop, keep-alive) for a warm-up and then a measured phase;
# the backend's and PostgreSQL's CPU seconds around the measured phase, divided by its requests, give the cost per
# request, which the machine's other load disturbs much less than latency. For before/after comparisons of a change
# in the request path: run it alternately with BENCH_JAR=<other build>/quarkus-run.jar.
# Usage: bench/request-cost.sh [seconds, default 10] [connections, default 16]   Output: bench/out/result-request-cost.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
DURATION=${1:-10}
CONNECTIONS=${2:-16}
WARMUP=${BENCH_WARMUP:-5}
need wrk wrk
bench_backend "$OUT/request-cost-backend.log"
fresh_tokens
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$(head -1 "$OUT/tokens.tsv" | cut -f2)" >"$OUT/request-cost-me.lua"
read -r PR MOTIVE <<<"$(availability_subject)"
APATH="/api/practitioners/$PR/availability?motiveId=$MOTIVE&from=$(date -d '+1 day' +%F)&to=$(date -d '+28 day' +%F)"
# cost NAME PATH [LUA]: prints "NAME: N requests (R/s, non-2xx K), backend CPU B ms, PostgreSQL CPU P ms per request"
cost() {
  local script=(); [ -n "${3:-}" ] && script=(-s "$3")
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "${script[@]}" "http://127.0.0.1:$PORT$2" >/dev/null
  local a0 a1 p0 p1 out n bad
  a0=$(cpu_of "$BACKEND_PID"); p0=$(pg_cpu)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${script[@]}" "http://127.0.0.1:$PORT$2")
  a1=$(cpu_of "$BACKEND_PID"); p1=$(pg_cpu)
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  python3 -c "n=$n; print(f'$1: {n} requests ({n/$DURATION:.0f}/s, non-2xx ${bad:-0}), backend CPU {($a1-$a0)*1000/n:.3f} ms, PostgreSQL CPU {($p1-$p0)*1000/n:.3f} ms per request')"
}
ME=$(cost "GET /api/me" /api/me "$OUT/request-cost-me.lua")
AVAILABILITY=$(cost "GET availability (4 weeks, $(curl -fsS "http://127.0.0.1:$PORT$APATH" | wc -c) bytes)" "$APATH")
{
  echo "### Request cost ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  machine
  echo "- command: \`bench/request-cost.sh $DURATION $CONNECTIONS\` (wrk -t2 -c$CONNECTIONS, keep-alive, warm-up ${WARMUP}s each)"
  echo "- $ME"
  echo "- $AVAILABILITY"
} | tee "$OUT/result-request-cost.md"
