-- The same triggers as V14_1, with the upsert written in the trigger functions instead of a call to the SQL
-- function agenda_version_bump: a SQL function that writes is not inlined, so each call paid an executor start.
-- Measured with bench/trigger-cost.sh (the booking INSERT in pgbench, 64 clients): the triggers of V14_1 cost
-- about 20 % of the raw INSERT rate when bookings are spread over practitioners, 40 % when all are for one.
CREATE OR REPLACE FUNCTION agenda_version_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_id BIGINT;
    new_id BIGINT;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_id := OLD.practitioner_id; END IF;
    IF TG_OP <> 'DELETE' THEN new_id := NEW.practitioner_id; END IF;
    IF old_id IS NOT DISTINCT FROM new_id THEN
        old_id := NULL;
    END IF;
    -- Lowest id first when a row moves between practitioners, so two such moves cannot deadlock each other
    IF old_id IS NOT NULL AND (new_id IS NULL OR old_id < new_id) THEN
        INSERT INTO agenda_version AS v (practitioner_id, version) VALUES (old_id, 1)
        ON CONFLICT (practitioner_id) DO UPDATE SET version = v.version + 1;
        old_id := NULL;
    END IF;
    IF new_id IS NOT NULL THEN
        INSERT INTO agenda_version AS v (practitioner_id, version) VALUES (new_id, 1)
        ON CONFLICT (practitioner_id) DO UPDATE SET version = v.version + 1;
    END IF;
    IF old_id IS NOT NULL THEN
        INSERT INTO agenda_version AS v (practitioner_id, version) VALUES (old_id, 1)
        ON CONFLICT (practitioner_id) DO UPDATE SET version = v.version + 1;
    END IF;
    RETURN NULL;
END $$;
