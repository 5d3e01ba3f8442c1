# Shared by the dispatch benchmark and the dispatch fault tests (source it after bench/lib/common.sh):
# a small database of its own (bench/out/pgdata-dispatch: schema + N patients, each with an account, an Android
# device and a booked appointment in 3 days), the fake providers in a process of their own (bench/lib/FakeProvider.java:
# FCM, Google's OAuth token endpoint, Brevo), and the packaged backend configured to send to them through the
# real Firebase Admin SDK and the real Brevo channel.
FAKE_PORT=${BENCH_FAKE_PORT:-18491}
DDATA=$OUT/pgdata-dispatch
SERVICE_ACCOUNT=$OUT/fake-service-account-$FAKE_PORT.json

# The dispatch database: own data directory, so the big booking data set is not needed (and not touched).
dispatch_db() {
  DATA=$DDATA
  if [ ! -f "$DATA/PG_VERSION" ]; then
    local bin; bin=$(pg_binaries)
    as_pg "$bin/initdb" -A trust -U postgres -D "$DATA" -E UTF-8 >/dev/null
  fi
  pg_running || pg_start
  if [ "$("${PSQL[@]}" -c "SELECT to_regclass('notification_outbox') IS NOT NULL")" != t ]; then
    ensure_jar
    backend_start "$OUT/dispatch-migrate.log" -Dcreneau.notification.dispatcher.enabled=false  # Flyway creates the schema
    backend_stop
  fi
}

# dispatch_world N: max(N, 100,000) patients with an account, a device (cn1-fcm-bench-token-<i>), a mobile number and a booked
# appointment in 3 days (100 practitioners, 15-minute slots). Made once per N; kept between runs.
dispatch_world() {
  local n=$(( $1 > 100000 ? $1 : 100000 ))
  if [ "$("${PSQL[@]}" -c "SELECT count(*) FROM appointment WHERE status = 'BOOKED' AND starts_at > now() + interval '1 day'")" -ge "$n" ]; then
    return
  fi
  log "creating $n patients, devices and appointments"
  "${PSQL[@]}" -v n="$n" <<'SQL'
-- A fresh database (bench/out/pgdata-dispatch): delete it to make a bigger world
INSERT INTO practice (name, timezone, phone) VALUES ('Maison de santé Bench', 'Europe/Paris', '+33140000000');
INSERT INTO site (practice_id, name, address) VALUES (1, 'Site', '1 rue de la Paix, 75002 Paris');
INSERT INTO practitioner (practice_id, last_name, first_name, specialty)
  SELECT 1, 'Bench' || g, 'Dr', 'Médecine générale' FROM generate_series(1, 100) g;
INSERT INTO motive (practice_id, label_fr, label_en, duration_minutes) VALUES (1, 'Consultation', 'Consultation', 15);
INSERT INTO patient (last_name, first_name, birth_date, phone, email)
  SELECT 'Patient' || g, 'Bench', DATE '1980-01-01', '+3361' || lpad(g::text, 7, '0'), 'p' || g || '@bench.creneau.fr'
  FROM generate_series(1, :n) g;
INSERT INTO account (email, password_hash, role, display_name, patient_id)
  SELECT 'p' || id || '@bench.creneau.fr', 'x', 'PATIENT', 'Bench', id FROM patient;
INSERT INTO device_token (account_id, push_key) SELECT id, 'cn1-fcm-bench-token-' || id FROM account;
INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, status,
    channel, booked_by, booked_by_role)
  SELECT 1, 1 + (p.id % 100), 1, p.id, 1, date_trunc('day', now()) + interval '3 days' + (p.id / 100) * interval '15 minutes',
    date_trunc('day', now()) + interval '3 days' + (p.id / 100 + 1) * interval '15 minutes', 'BOOKED', 'ONLINE', a.id, 'PATIENT'
  FROM patient p JOIN account a ON a.patient_id = p.id;
VACUUM ANALYZE;
SQL
}

# enqueue N [CHANNELS]: N due reminders (REMINDER_2H), one per appointment; CHANNELS "push" (default) or "push+sms"
# (every other row an SMS). Clears the previous run's rows first; ids (hence keys) keep growing across runs.
enqueue() {
  local n=$1 channels=${2:-push}
  "${PSQL[@]}" -c "TRUNCATE notification_attempt, notification_link, notification_outbox" >/dev/null
  "${PSQL[@]}" -c "INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id, channel, kind, due_at, payload)
    SELECT a.id, a.patient_id, a.booked_by, 1,
      CASE WHEN '$channels' = 'push+sms' AND a.id % 2 = 0 THEN 'SMS' ELSE 'PUSH' END, 'REMINDER_2H', now(),
      jsonb_build_object('appointments', jsonb_build_array(jsonb_build_object('id', a.id)))
    FROM appointment a WHERE a.status = 'BOOKED' ORDER BY a.id LIMIT $n" >/dev/null
}

# A service account whose token endpoint is the fake (the SDK signs its JWT with our fixed bench key).
service_account() {
  ensure_keys
  python3 - "$OUT/keys/private.pem" "$SERVICE_ACCOUNT" "$FAKE_PORT" <<'PY'
import json, sys
key = open(sys.argv[1]).read()
json.dump({"type": "service_account", "project_id": "creneau-bench", "private_key_id": "bench",
           "private_key": key, "client_email": "bench@creneau-bench.iam.gserviceaccount.com", "client_id": "1",
           "token_uri": "http://127.0.0.1:%s/token" % sys.argv[3]}, open(sys.argv[2], "w"))
PY
}

# fake_start DELAY_MS KEYS_FILE: the fake providers in their own JVM; sets FAKE_PID.
fake_start() {
  local delay=$1 keys=$2
  : >"$keys"
  java -Xmx512m -XX:+UseSerialGC -cp "$(dirname "$JAR")/lib/main/*" "$ROOT/bench/lib/FakeProvider.java" \
    "$FAKE_PORT" "$delay" "$keys" >"$OUT/fake-provider-$FAKE_PORT.log" 2>&1 &
  FAKE_PID=$!
  until grep -q "listening on $FAKE_PORT" "$OUT/fake-provider-$FAKE_PORT.log" 2>/dev/null; do
    kill -0 "$FAKE_PID" 2>/dev/null || { cat "$OUT/fake-provider-$FAKE_PORT.log" >&2; return 1; }
    sleep 0.2
  done
}
fake_stop() { [ -n "${FAKE_PID:-}" ] && kill "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null || true; FAKE_PID=; }
fake_stats() { curl -fsS "http://127.0.0.1:$FAKE_PORT/stats"; }

# The backend's notification settings for the fakes (every FCM and OAuth request routed to the fake; Brevo's base
# URL set to it). Extra -D options may follow in DISPATCH_OPTS.
dispatch_backend_start() {
  local logfile=$1; shift
  service_account
  FCM_CREDENTIALS_FILE=$SERVICE_ACCOUNT BREVO_API_KEY=xkeysib-bench NOTIFICATION_LINK_SECRET=$(printf 'bench-secret-0123456789abcdef012345' | base64 -w0) \
    backend_start "$logfile" -Dcreneau.notification.fcm.endpoint="http://127.0.0.1:$FAKE_PORT" \
    -Dcreneau.notification.fcm.project-id=creneau-bench \
    -Dcreneau.notification.sms.brevo-base-url="http://127.0.0.1:$FAKE_PORT" \
    -Dcreneau.notification.dispatcher.every=1s "$@"
}

# outbox_counts: "pending sending sent other"
outbox_counts() {
  "${PSQL[@]}" -F ' ' -c "SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'SENDING'),
    count(*) FILTER (WHERE status = 'SENT'), count(*) FILTER (WHERE status NOT IN ('PENDING', 'SENDING', 'SENT'))
    FROM notification_outbox"
}
