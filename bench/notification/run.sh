#!/usr/bin/env bash
# 100,000 due reminders through the real Firebase Admin SDK to a local fake FCM (see NotificationBenchmark).
# Usage: bench/notification/run.sh [messages] [workers] [batch] [chunk]
set -euo pipefail
cd "$(dirname "$0")/../.."
MESSAGES=${1:-100000}; WORKERS=${2:-4}; BATCH=${3:-500}; CHUNK=${4:-500}
OUT="$(pwd)/bench/notification/last-run.txt"
./mvnw -B -o -q -pl backend -am install -Dtest=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcreneau.bench=true -Dbench.messages="$MESSAGES" -Dbench.workers="$WORKERS" -Dbench.batch="$BATCH" \
  -Dbench.chunk="$CHUNK" -Dbench.connections="${CONNECTIONS:-0}" -Dbench.out="$OUT" >/dev/null
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  free -h | sed 's/^/free: /'
  java -version 2>&1 | sed 's/^/java: /'
  cat "$OUT"
}
