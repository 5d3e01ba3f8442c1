-- A per-practitioner counter of committed changes to what decides their free slots: appointments (insert,
-- delete, status, times, practitioner), absences, opening ranges and urgency releases. Computed availability is
-- cached in each backend instance under the version it was computed from; every read first reads the current
-- version (one indexed row), so a change committed by any instance, or straight in SQL, is never served stale.
--
-- Kept by the database, not by Java code, so that no write path can forget it.
-- A missing row means version 0 (nothing changed since this table exists).
-- No foreign key on purpose: the bump runs at commit, and a transaction that deletes a practitioner together
-- with their rows must not fail on it.
CREATE TABLE agenda_version (
    practitioner_id BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL
);

CREATE FUNCTION agenda_version_bump(practitioner BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO agenda_version AS v (practitioner_id, version) VALUES (practitioner, 1)
    ON CONFLICT (practitioner_id) DO UPDATE SET version = v.version + 1;
$$;

-- Row triggers on the practitioner-owned tables. They are CONSTRAINT triggers, DEFERRABLE INITIALLY DEFERRED,
-- so they run at COMMIT: the row lock the bump takes on agenda_version is held for the commit only, not from the
-- INSERT to the end of the booking transaction. Two bookings of the same practitioner at different times
-- (which the exclusion constraint lets run in parallel) then wait for each other for microseconds, not for the
-- rest of each other's transaction. The version becomes visible atomically with the change it counts.
CREATE FUNCTION agenda_version_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_id BIGINT;
    new_id BIGINT;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_id := OLD.practitioner_id; END IF;
    IF TG_OP <> 'DELETE' THEN new_id := NEW.practitioner_id; END IF;
    -- Lowest id first when a row moves between practitioners, so two such moves cannot deadlock each other
    IF old_id IS NOT NULL AND (new_id IS NULL OR old_id < new_id) THEN
        PERFORM agenda_version_bump(old_id);
        old_id := NULL;
    END IF;
    IF new_id IS NOT NULL THEN PERFORM agenda_version_bump(new_id); END IF;
    IF old_id IS NOT NULL AND old_id IS DISTINCT FROM new_id THEN PERFORM agenda_version_bump(old_id); END IF;
    RETURN NULL;
END $$;

-- Any status change counts, not only into or out of a cancelled status: which statuses hold a slot is a Java
-- rule (AppointmentStatus.holdsSlot), and a copy of it here could silently drift from it. Confirming or checking
-- in costs one extra recomputation of that practitioner's days, nothing more.
CREATE CONSTRAINT TRIGGER appointment_agenda_version_ins_del AFTER INSERT OR DELETE ON appointment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_version_row();
CREATE CONSTRAINT TRIGGER appointment_agenda_version_upd AFTER UPDATE ON appointment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at
          OR OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.practitioner_id IS DISTINCT FROM NEW.practitioner_id)
    EXECUTE FUNCTION agenda_version_row();

CREATE CONSTRAINT TRIGGER absence_agenda_version AFTER INSERT OR UPDATE OR DELETE ON absence
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_version_row();

CREATE CONSTRAINT TRIGGER opening_range_agenda_version AFTER INSERT OR UPDATE OR DELETE ON opening_range
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_version_row();

-- A release names its range, not the practitioner: look the owner up at commit. When the range itself was
-- deleted in the same transaction (ON DELETE CASCADE), the range's own trigger has bumped the version already.
CREATE FUNCTION agenda_version_release() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner BIGINT;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT practitioner_id INTO owner FROM opening_range WHERE id = OLD.range_id;
        IF owner IS NOT NULL THEN PERFORM agenda_version_bump(owner); END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.range_id IS DISTINCT FROM NEW.range_id) THEN
        SELECT practitioner_id INTO owner FROM opening_range WHERE id = NEW.range_id;
        IF owner IS NOT NULL THEN PERFORM agenda_version_bump(owner); END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER urgency_release_agenda_version AFTER INSERT OR UPDATE OR DELETE ON urgency_release
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_version_release();

-- TRUNCATE fires no row trigger: count it as a change for every practitioner, including those still at 0.
CREATE FUNCTION agenda_version_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO agenda_version AS v (practitioner_id, version) SELECT id, 1 FROM practitioner
    ON CONFLICT (practitioner_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER appointment_agenda_version_truncate AFTER TRUNCATE ON appointment
    FOR EACH STATEMENT EXECUTE FUNCTION agenda_version_all();
CREATE TRIGGER absence_agenda_version_truncate AFTER TRUNCATE ON absence
    FOR EACH STATEMENT EXECUTE FUNCTION agenda_version_all();
CREATE TRIGGER opening_range_agenda_version_truncate AFTER TRUNCATE ON opening_range
    FOR EACH STATEMENT EXECUTE FUNCTION agenda_version_all();
CREATE TRIGGER urgency_release_agenda_version_truncate AFTER TRUNCATE ON urgency_release
    FOR EACH STATEMENT EXECUTE FUNCTION agenda_version_all();
