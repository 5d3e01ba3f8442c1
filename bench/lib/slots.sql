-- The free slots the booking benchmarks aim at, each once: the afternoons (14:00-18:00 Paris, 15-minute motive)
-- of the 1,000 bench practitioners, weekdays 7 to 80 days ahead, ordered day, time, practitioner so that
-- consecutive bookings hit different practitioners. The patient differs per practitioner and time so that the
-- patient constraint never interferes. Both the HTTP load and pgbench take them in this order.
\set ON_ERROR_STOP on
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.slot;
CREATE TABLE bench.slot AS
WITH pr AS MATERIALIZED ( -- evaluated once per practitioner, not once per slot row (the subqueries read account)
    SELECT p.id, p.practice_id,
           (SELECT s.id FROM site s WHERE s.practice_id = p.practice_id ORDER BY s.id LIMIT 1) AS site_id,
           (SELECT m.id FROM motive m WHERE m.practice_id = p.practice_id AND m.duration_minutes = 15) AS motive_id,
           (SELECT min(pp.patient_id) FROM practice_patient pp WHERE pp.practice_id = p.practice_id) AS first_patient,
           (SELECT a.id FROM account a WHERE a.practice_id = p.practice_id AND a.role = 'SECRETARY' ORDER BY a.id LIMIT 1) AS secretary
    FROM practitioner p WHERE p.last_name LIKE 'Bench%'
), days AS (
    SELECT d::date AS day FROM generate_series(current_date + 7, current_date + 80, interval '1 day') d
    WHERE extract(isodow FROM d) <= 5
)
SELECT row_number() OVER (ORDER BY days.day, k, pr.id) AS n, pr.practice_id, pr.id AS practitioner_id, pr.site_id,
       pr.first_patient + (pr.id * 7 + k) % 250 AS patient_id, pr.motive_id, pr.secretary AS booked_by,
       (days.day + TIME '14:00' + k * interval '15 minutes') AT TIME ZONE 'Europe/Paris' AS starts_at,
       (days.day + TIME '14:15' + k * interval '15 minutes') AT TIME ZONE 'Europe/Paris' AS ends_at
FROM pr, days, generate_series(0, 15) k;
ALTER TABLE bench.slot ADD PRIMARY KEY (n);
DROP SEQUENCE IF EXISTS bench.slot_seq;
CREATE SEQUENCE bench.slot_seq;
ANALYZE bench.slot;
