#!/usr/bin/env bash
# Every benchmark in order, once the machine is quiet (1-min load average below 2.5, polled every minute for at
# most 30 minutes; past that they run anyway and every figure carries its load average).
# BENCH_BEFORE_JAR, when set, also measures availability/earliest with that build (before/after a change).
set -uo pipefail
cd "$(dirname "$0")/.."
for i in $(seq 1 30); do
  l=$(cut -d' ' -f1 /proc/loadavg)
  python3 -c "import sys; sys.exit(0 if $l < 2.5 else 1)" && break
  echo "$(date -u +%T) load average $l: waiting"; sleep 60
done
echo "$(date -u +%T) starting with load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench/booking.sh 30
# what the stack gets of pgbench for the simplest write: the bound on the booking ratio
bench/stack-floor.sh 30
bench/request-cost.sh 10 16
bench/rush.sh 5
if [ -n "${BENCH_BEFORE_JAR:-}" ]; then
  # the earliest slot at 2/s: the old build takes seconds per answer, and a higher fixed rate only piles them up
  # (a build older than the database's migrations must skip Flyway's validation to start)
  BENCH_JAR=$BENCH_BEFORE_JAR BACKEND_JAVA_OPTS="-Xmx1g -Dquarkus.flyway.validate-on-migrate=false" \
    bench/availability.sh 30 2 && cp bench/out/result-availability.md bench/out/result-availability-before.md
fi
bench/availability.sh 30 20 && cp bench/out/result-availability.md bench/out/result-availability-20.md
# the earliest slot at 100/s, now that it is served from the cache
bench/availability.sh 30 100
bench/trigger-cost.sh 15
bench/startup.sh 5
bench/faults/run.sh
# Notification dispatch (issue #4) and its faults (issue #6): own ports, own small database for the first two
bench/notification/dispatch.sh 100000
# the push path alone (no database, no dispatcher): the bound on the dispatch rate
bench/notification/sdk-floor.sh 100000
bench/faults/dispatch-kill.sh 50000 10
bench/faults/slow-providers.sh 30
