-- Realistic volume for the booking-core benchmark: 200 practices, 1,000 practitioners (5 each), a weekly agenda
-- Monday-Friday 08:00-12:00 and 14:00-18:00 (Europe/Paris), 50,000 patients, and about a year of history plus
-- three months ahead of appointments filling the mornings (6 x 30 min with 10 min gaps). Afternoons stay free
-- for the booking load. One secretary account per practice (password bench-password-2026, hash passed in :hash).
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO practice (name, timezone, phone, emergency_number, reachable_hours, substitute, cancellation_cutoff_hours,
                      min_notice_minutes, horizon_days)
SELECT 'Bench practice ' || g, 'Europe/Paris', '+33140000000', '15', 'Mon-Fri 8-19', 'Dr Bench', 24, 60, 120
FROM generate_series(1, 200) g;
CREATE TEMP TABLE bp AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM practice WHERE name LIKE 'Bench practice %';

INSERT INTO site (practice_id, name, address) SELECT id, 'Site ' || n, n || ' rue du Bench, 75011 Paris' FROM bp;
INSERT INTO practitioner (practice_id, last_name, first_name, specialty)
SELECT bp.id, 'Bench' || bp.n || '-' || k, 'Dr', (ARRAY['Médecin généraliste', 'Pédiatre', 'Cardiologue', 'Dermatologue', 'Gynécologue'])[k]
FROM bp, generate_series(1, 5) k;
INSERT INTO motive (practice_id, label_fr, label_en, duration_minutes, bookable_online)
SELECT bp.id, 'Motif ' || d || ' min', 'Motive ' || d || ' min', d, TRUE FROM bp, unnest(ARRAY[15, 20, 30]) d;

INSERT INTO opening_range (practitioner_id, site_id, day_of_week, start_time, end_time, urgency_reserve,
                           release_minutes_before, motive_ids)
SELECT p.id, s.id, dow, t.s, t.e, FALSE, 0, (SELECT array_agg(m.id ORDER BY m.id) FROM motive m WHERE m.practice_id = p.practice_id)
FROM practitioner p JOIN bp ON bp.id = p.practice_id JOIN site s ON s.practice_id = p.practice_id,
     generate_series(1, 5) dow, (VALUES (TIME '08:00', TIME '12:00'), (TIME '14:00', TIME '18:00')) AS t(s, e);

INSERT INTO patient (last_name, first_name, birth_date, phone)
SELECT 'Patient' || g, 'Bench', DATE '1950-01-01' + (g % 20000), '+336' || lpad((10000000 + g)::text, 8, '0')
FROM generate_series(1, 50000) g;
CREATE TEMP TABLE bpat AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM patient WHERE first_name = 'Bench';
CREATE INDEX ON bpat (n);
ANALYZE bpat;
-- each practice knows 250 patients
INSERT INTO practice_patient (practice_id, patient_id)
SELECT bp.id, bpat.id FROM bp JOIN bpat ON (bpat.n - 1) / 250 + 1 = bp.n;

INSERT INTO account (email, password_hash, role, display_name, practice_id)
SELECT 'secretary' || n || '@bench.creneau.fr', :'hash', 'SECRETARY', 'Bench secretary ' || n, id FROM bp;

-- History and future: the mornings of every weekday from a year ago to three months ahead.
CREATE TEMP TABLE bdays AS
SELECT d::date AS day FROM generate_series(current_date - 365, current_date + 90, interval '1 day') d
WHERE extract(isodow FROM d) <= 5;
INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, status,
                         channel, booked_by, booked_by_role)
SELECT p.practice_id, p.id, s.id,
       (SELECT id FROM bpat WHERE bpat.n = ((bp.n - 1) * 250 + 1 + ((p.id * 7 + k * 13 + extract(doy FROM bd.day)::int) % 250))),
       m.id,
       ((bd.day + TIME '08:00' + (k * 40) * interval '1 minute') AT TIME ZONE 'Europe/Paris'),
       ((bd.day + TIME '08:30' + (k * 40) * interval '1 minute') AT TIME ZONE 'Europe/Paris'),
       CASE WHEN bd.day < current_date THEN (CASE WHEN k = 5 AND p.id % 7 = 0 THEN 'NO_SHOW' ELSE 'SEEN' END) ELSE 'BOOKED' END,
       'PHONE', a.id, 'SECRETARY'
FROM practitioner p JOIN bp ON bp.id = p.practice_id JOIN site s ON s.practice_id = p.practice_id
     JOIN motive m ON m.practice_id = p.practice_id AND m.duration_minutes = 30
     JOIN account a ON a.practice_id = p.practice_id AND a.role = 'SECRETARY',
     bdays bd, generate_series(0, 5) k;
COMMIT;
ANALYZE;
