#!/usr/bin/env bash
# Fault (issue #6): SIGKILL the packaged backend 10 times at random moments while it dispatches due reminders,
# restart it each time, and check that every due reminder reached the fakes exactly once.
#   - PostgreSQL runs on its own and survives; the fake FCM + Brevo (bench/lib/FakeProvider.java) run in a process of
#     their own and record every message they accept with its idempotency key (bench/out/faults/dispatch-keys.txt).
#   - N due reminders, half push (real Firebase Admin SDK), half SMS (Brevo channel).
#   - Each life: start the backend, wait until it is sending (SENT count moves), kill -9 after a random 0-2.5 s.
#   - After the last kill, one more start runs the outbox dry; then: deliveries (every request the fakes accepted),
#     distinct keys, keys received more than once, keys never received, outbox statuses.
# Usage: bench/faults/dispatch-kill.sh [reminders, default 50000] [kills, default 10]   (env SEND_CHUNK, default 100)
# Output: bench/out/result-dispatch-kill.md
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PORT=${BENCH_PORT:-18490} BENCH_PGPORT=${BENCH_PGPORT:-54379}
source bench/lib/common.sh
source bench/lib/dispatch.sh
N=${1:-50000}; KILLS=${2:-10}
LEASE=${LEASE:-PT20S}; SEND_CHUNK=${SEND_CHUNK:-100}
F=$OUT/faults; mkdir -p "$F"
ensure_jar
dispatch_db
dispatch_world "$N"
trap 'backend_stop; fake_stop' EXIT
fake_start "${FAKE_DELAY_MS:-0}" "$F/dispatch-keys.txt"
enqueue "$N" push+sms
"${PSQL[@]}" -c "SELECT CASE channel WHEN 'PUSH' THEN 'fcm creneau-' || o.id || '|bench-token-' || o.account_id
    ELSE 'sms creneau-' || o.id END FROM notification_outbox o" | sort >"$F/dispatch-expected.txt"
LOAD0=$(loadavg)
sent() { "${PSQL[@]}" -c "SELECT count(*) FROM notification_outbox WHERE status = 'SENT'"; }
: >"$F/dispatch-kills.txt"
start() {
  dispatch_backend_start "$F/dispatch-backend-$1.log" -Dcreneau.notification.dispatcher.lease="$LEASE" \
    -Dcreneau.notification.dispatcher.workers=2 -Dcreneau.notification.dispatcher.send-chunk="$SEND_CHUNK"
}
for i in $(seq 1 "$KILLS"); do
  start "$i"
  s0=$(sent)
  for _ in $(seq 1 200); do [ "$(sent)" != "$s0" ] && break; sleep 0.1; done   # dispatching has begun
  delay=$(python3 -c "import random; print(f'{random.uniform(0, 2.5):.2f}')")
  sleep "$delay"
  read -r pending sending done other <<<"$(outbox_counts)"
  kill -9 "$BACKEND_PID"; wait "$BACKEND_PID" 2>/dev/null || true; BACKEND_PID=
  echo "kill $i at $(date -u +%T.%N | cut -c1-12): ${delay}s after sending resumed; outbox pending=$pending sending=$sending sent=$done; fakes: $(fake_stats)" |
    tee -a "$F/dispatch-kills.txt" >&2
done
log "last start: runs the outbox dry"
start final
for _ in $(seq 1 1200); do
  read -r pending sending done other <<<"$(outbox_counts)"
  [ $((pending + sending)) = 0 ] && break
  sleep 0.5
done
sleep 1
STATS=$(fake_stats)
backend_stop
sort "$F/dispatch-keys.txt" >"$F/dispatch-received.txt"
DELIVERIES=$(wc -l <"$F/dispatch-received.txt")
DISTINCT=$(uniq "$F/dispatch-received.txt" | wc -l)
DUPKEYS=$(uniq -d "$F/dispatch-received.txt" | wc -l)
MISSING=$(comm -23 "$F/dispatch-expected.txt" <(uniq "$F/dispatch-received.txt") | wc -l)
UNEXPECTED=$(comm -13 "$F/dispatch-expected.txt" <(uniq "$F/dispatch-received.txt") | wc -l)
STATUSES=$("${PSQL[@]}" -F '=' -c "SELECT status, count(*) FROM notification_outbox GROUP BY status ORDER BY status" | tr '\n' ' ')
RETRIED=$("${PSQL[@]}" -c "SELECT count(*) FROM notification_outbox WHERE attempts > 1")
NOATTEMPT=$("${PSQL[@]}" -c "SELECT count(*) FROM notification_outbox o WHERE NOT EXISTS (SELECT 1 FROM notification_attempt a WHERE a.outbox_id = o.id AND a.outcome = 'SENT')")
DUPS_RETRIED=$(uniq -d "$F/dispatch-received.txt" | sed 's/.*creneau-\([0-9]*\).*/\1/' | paste -sd, | { read -r ids; [ -z "$ids" ] && echo 0 || "${PSQL[@]}" -c "SELECT count(*) FROM notification_outbox WHERE id IN ($ids) AND attempts > 1"; })
VERDICT=PASS
{ [ "$MISSING" = 0 ] && [ "$UNEXPECTED" = 0 ] && [ "$DISTINCT" = "$N" ]; } || VERDICT=FAIL
{
  echo "## C. SIGKILL of the backend during reminder dispatch, $KILLS times: **$VERDICT** (every reminder received; duplicates by key reported below)"
  echo "- machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2 " RAM, " $7 " available"}'), $(java -version 2>&1 | head -1)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average 1 min at start / end: $LOAD0 / $(loadavg)"
  echo "- command: \`bench/faults/dispatch-kill.sh $N $KILLS\` (SEND_CHUNK=$SEND_CHUNK: messages sent and marked together, the most a kill can leave sent but unmarked per dispatcher; lease $LEASE, 2 dispatchers, fakes in their own JVM, delay ${FAKE_DELAY_MS:-0} ms)"
  echo "- $N due reminders (REMINDER_2H): $(grep -c '^fcm' "$F/dispatch-expected.txt") push through the Firebase Admin SDK, $(grep -c '^sms' "$F/dispatch-expected.txt") SMS through the Brevo channel"
  sed 's/^/- /' "$F/dispatch-kills.txt"
  echo "- outbox at the end: $STATUSES; rows claimed more than once (attempts > 1): $RETRIED; rows without a SENT attempt row: $NOATTEMPT"
  echo "- fakes: deliveries (requests accepted) **$DELIVERIES**, distinct keys **$DISTINCT** of $N expected, keys never received **$MISSING**, unknown keys $UNEXPECTED"
  echo "- keys received more than once: **$DUPKEYS** (of them on rows with attempts > 1, i.e. re-sent after a kill: $DUPS_RETRIED); a receiver that dedupes by key (our fakes, the app by data.idempotencyKey, Android by collapse key, iOS by apns-collapse-id, Brevo reports by tag) shows each once"
  echo "- fake provider's own count: $STATS"
} | tee "$OUT/result-dispatch-kill.md"
[ "$VERDICT" = PASS ]
