-- One practice with 200 practitioners for the earliest-slot benchmark (GET /api/practices/{id}/earliest):
-- Monday-Friday 08:00-12:00 and 14:00-18:00 (Europe/Paris), mornings full (6 x 30 min) from 30 days back to
-- 90 days ahead, and the afternoons of the next 7 days full too, so that the earliest free slot is a week out
-- and the search has to look past about 80,000 live appointments. 250 patients, one secretary.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO practice (name, timezone, phone, emergency_number, cancellation_cutoff_hours, min_notice_minutes, horizon_days)
VALUES ('Bench Centre 200', 'Europe/Paris', '+33140000001', '15', 24, 60, 90);
CREATE TEMP TABLE bc AS SELECT id FROM practice WHERE name = 'Bench Centre 200';
INSERT INTO site (practice_id, name, address) SELECT id, 'Centre 200', '1 place du Bench, 75011 Paris' FROM bc;
INSERT INTO practitioner (practice_id, last_name, first_name, specialty)
SELECT bc.id, 'Centre200-' || k, 'Dr', 'Médecin généraliste' FROM bc, generate_series(1, 200) k;
INSERT INTO motive (practice_id, label_fr, label_en, duration_minutes, bookable_online)
SELECT bc.id, 'Consultation 30 min', 'Consultation 30 min', 30, TRUE FROM bc;
INSERT INTO opening_range (practitioner_id, site_id, day_of_week, start_time, end_time, urgency_reserve,
                           release_minutes_before, motive_ids)
SELECT p.id, s.id, dow, t.s, t.e, FALSE, 0, ARRAY[(SELECT m.id FROM motive m WHERE m.practice_id = p.practice_id)]
FROM practitioner p JOIN bc ON bc.id = p.practice_id JOIN site s ON s.practice_id = p.practice_id,
     generate_series(1, 5) dow, (VALUES (TIME '08:00', TIME '12:00'), (TIME '14:00', TIME '18:00')) AS t(s, e);
INSERT INTO patient (last_name, first_name, birth_date, phone)
SELECT 'Centre200-' || g, 'Bench', DATE '1960-01-01' + g, '+337' || lpad((10000000 + g)::text, 8, '0')
FROM generate_series(1, 250) g;
CREATE TEMP TABLE cpat AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM patient WHERE last_name LIKE 'Centre200-%';
INSERT INTO practice_patient (practice_id, patient_id) SELECT bc.id, cpat.id FROM bc, cpat;
INSERT INTO account (email, password_hash, role, display_name, practice_id)
SELECT 'secretary-centre200@bench.creneau.fr', :'hash', 'SECRETARY', 'Bench secretary centre 200', id FROM bc;
CREATE TEMP TABLE cpr AS SELECT id, practice_id, row_number() OVER (ORDER BY id) - 1 AS n FROM practitioner WHERE last_name LIKE 'Centre200-%';
CREATE TEMP TABLE cslots AS
SELECT d::date AS day, t AS at FROM generate_series(current_date - 30, current_date + 90, interval '1 day') d,
     (SELECT TIME '08:00' + k * interval '40 minutes' AS t FROM generate_series(0, 5) k) m
WHERE extract(isodow FROM d) <= 5
UNION ALL
SELECT d::date, TIME '14:00' + k * interval '30 minutes' FROM generate_series(current_date, current_date + 7, interval '1 day') d,
     generate_series(0, 7) k
WHERE extract(isodow FROM d) <= 5;
INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id, starts_at, ends_at, status,
                         channel, booked_by, booked_by_role)
SELECT p.practice_id, p.id, s.id, cpat.id, m.id,
       (c.day + c.at) AT TIME ZONE 'Europe/Paris', (c.day + c.at + interval '30 minutes') AT TIME ZONE 'Europe/Paris',
       CASE WHEN c.day < current_date THEN 'SEEN' ELSE 'BOOKED' END, 'PHONE', a.id, 'SECRETARY'
FROM cpr p JOIN site s ON s.practice_id = p.practice_id JOIN motive m ON m.practice_id = p.practice_id
     JOIN account a ON a.practice_id = p.practice_id, cslots c, cpat
WHERE cpat.n = (p.n + extract(epoch FROM c.at)::int / 600) % 250;
COMMIT;
