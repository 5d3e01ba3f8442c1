#!/usr/bin/env bash
# bench/gatling/run.sh NAME PATH RATE WARMUP DURATION: one fixed-rate Gatling run against the running backend;
# prints "NAME p50 p99 max ok ko" (ms) from Gatling's stats.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
NAME=$1 P=$2 RATE=$3 WARMUP=$4 DURATION=$5
./mvnw -B -q -o -f bench/gatling/pom.xml test-compile gatling:test -Dgatling.simulationClass=bench.FixedRateSimulation \
  -DbaseUrl="http://127.0.0.1:${BENCH_PORT:-18090}" -Dpath="$P" -Drate="$RATE" -Dwarmup="$WARMUP" \
  -Dduration="$DURATION" -Dname="$NAME" -Dgatling.failOnAssertion=false >bench/out/gatling-$NAME.log 2>&1 || true
dir=$(ls -td bench/gatling/target/gatling/fixedratesimulation-* | head -1)
python3 - "$dir/js/stats.json" "$NAME" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1]))
for c in stats["contents"].values():
    s = c["stats"]
    if s["name"] == sys.argv[2]:
        print(sys.argv[2], s["percentiles1"]["total"], s["percentiles4"]["total"], s["maxResponseTime"]["total"],
              s["numberOfRequests"]["ok"], s["numberOfRequests"]["ko"])
PY
