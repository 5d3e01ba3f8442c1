-- The access journal is chained at COMMIT. A transaction that journals inserts its entries into journal_pending
-- (no lock); a deferred constraint trigger then, at COMMIT, locks the practice's chain head, draws the entry id,
-- hashes the entry with its predecessor, appends it to access_journal and moves the head. The head's row lock is
-- thus held for the commit only: before, it was held from the head's read until the COMMIT, across round trips
-- between the backend and the database, and every booking or message read of a practice queued on it (bench/
-- RESULTS.md, session 8). Entries still commit or roll back with the change they journal, ids still grow in chain
-- order, and access_journal stays append-only.
--
-- The hash rule moves here from the backend's Java code, unchanged (chains written before still verify): SHA-256,
-- in hex, of the entry's fields in a fixed order, each written as "<length>:<text>;" or "-;" when absent, then the
-- predecessor's hash (64 zeros for a chain's first entry). The length counts UTF-16 code units, as the Java rule
-- did (a character beyond U+FFFF counts 2); the time is in microseconds since the epoch. Verification calls the
-- same function, so the rule lives here alone.

-- Only immutable functions in its body (hence the explicit casts: integer || text is merely stable), so that
-- PostgreSQL inlines it into its callers instead of running it as a function call per field.
CREATE FUNCTION journal_field(v TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN v IS NULL THEN '-;'
        WHEN octet_length(v) = char_length(v) THEN char_length(v)::text || ':' || v || ';'
        ELSE (char_length(v) + char_length(regexp_replace(v, '[\u0001-\uffff]', '', 'g')))::text || ':' || v || ';'
    END
$$;

-- Arguments: id, practice_id, at, account_id, role, action, object_type, object_id, detail, client_ip, prev_hash.
CREATE FUNCTION journal_entry_hash(BIGINT, BIGINT, TIMESTAMPTZ, BIGINT, TEXT, TEXT, TEXT, BIGINT, TEXT, TEXT, TEXT)
    RETURNS TEXT LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(
        journal_field($1::text) || journal_field($2::text)
        || journal_field((extract(epoch FROM $3) * 1000000)::bigint::text)
        || journal_field($4::text) || journal_field($5) || journal_field($6) || journal_field($7)
        || journal_field($8::text) || journal_field($9) || journal_field($10) || journal_field($11),
        'UTF8')), 'hex')
$$;

CREATE FUNCTION journal_genesis() RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT repeat('0', 64)
$$;

-- Rows live only inside the transaction that wrote them (the seal deletes each), so the table is unlogged: a
-- crash empties it, which loses nothing, and it writes no WAL.
CREATE UNLOGGED TABLE journal_pending (
    pending_id  BIGSERIAL PRIMARY KEY,
    practice_id BIGINT      NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    account_id  BIGINT,
    role        TEXT,
    action      TEXT        NOT NULL,
    object_type TEXT        NOT NULL,
    object_id   BIGINT,
    detail      TEXT,
    client_ip   TEXT
);

CREATE FUNCTION journal_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev     TEXT;
    entry_id BIGINT;
    h        TEXT;
BEGIN
    SELECT last_hash INTO prev FROM journal_head WHERE practice_id = NEW.practice_id FOR UPDATE;
    IF NOT FOUND THEN
        -- the practice's first entry (a concurrent first entry may create the head first: then this one follows it)
        INSERT INTO journal_head (practice_id, last_hash, entries) VALUES (NEW.practice_id, journal_genesis(), 0)
        ON CONFLICT DO NOTHING;
        SELECT last_hash INTO prev FROM journal_head WHERE practice_id = NEW.practice_id FOR UPDATE;
    END IF;
    -- drawn under the head's lock, so that ids grow in chain order
    entry_id := nextval('access_journal_id_seq');
    h := journal_entry_hash(entry_id, NEW.practice_id, NEW.at, NEW.account_id, NEW.role, NEW.action, NEW.object_type,
                            NEW.object_id, NEW.detail, NEW.client_ip, prev);
    INSERT INTO access_journal (id, practice_id, at, account_id, role, action, object_type, object_id, detail,
                                client_ip, prev_hash, hash)
    VALUES (entry_id, NEW.practice_id, NEW.at, NEW.account_id, NEW.role, NEW.action, NEW.object_type, NEW.object_id,
            NEW.detail, NEW.client_ip, prev, h);
    UPDATE journal_head SET last_id = entry_id, last_hash = h, entries = entries + 1 WHERE practice_id = NEW.practice_id;
    DELETE FROM journal_pending WHERE pending_id = NEW.pending_id;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journal_pending_seal AFTER INSERT ON journal_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_seal();
