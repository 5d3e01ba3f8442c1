-- Structured messages, the telesecretariat desk and the access journal (issue #5).

-- A practice's own red flags, on top of the built-in list of fr.creneau.model.triage.TriageGrid.
CREATE TABLE practice_red_flag (
    id              BIGSERIAL PRIMARY KEY,
    practice_id     BIGINT  NOT NULL REFERENCES practice (id),
    code            TEXT    NOT NULL,
    label_fr        TEXT    NOT NULL,
    label_en        TEXT    NOT NULL,
    max_age_months  INTEGER,
    min_temperature NUMERIC(3, 1),
    extra_number    TEXT,
    UNIQUE (practice_id, code)
);

-- Secretaries the practice allows to read the clinical content of requests.
CREATE TABLE clinical_grant (
    id          BIGSERIAL PRIMARY KEY,
    practice_id BIGINT      NOT NULL REFERENCES practice (id),
    account_id  BIGINT      NOT NULL REFERENCES account (id),
    granted_by  BIGINT      NOT NULL REFERENCES account (id),
    granted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (practice_id, account_id)
);

-- A telephone call taken by the secretariat.
CREATE TABLE phone_call (
    id                 BIGSERIAL PRIMARY KEY,
    practice_id        BIGINT      NOT NULL REFERENCES practice (id),
    answered_by        BIGINT      NOT NULL REFERENCES account (id),
    started_at         TIMESTAMPTZ NOT NULL,
    ended_at           TIMESTAMPTZ,
    caller_name        TEXT,
    caller_phone       TEXT,
    patient_id         BIGINT REFERENCES patient (id),
    identity_checked   BOOLEAN,
    name_matches       BOOLEAN,
    birth_date_matches BOOLEAN,
    phone_matches      BOOLEAN,
    reason             TEXT,
    motive_id          BIGINT REFERENCES motive (id),
    answers            TEXT,
    priority           TEXT CHECK (priority IN ('EMERGENCY', 'URGENT', 'ROUTINE')),
    triage_reasons     TEXT,
    outcome            TEXT CHECK (outcome IN ('BOOKED', 'MEMO', 'URGENT_TRANSFER', 'ADVICE_GIVEN')),
    appointment_id     BIGINT REFERENCES appointment (id),
    request_id         BIGINT,
    practitioner_id    BIGINT REFERENCES practitioner (id),
    note               TEXT,
    -- one outcome, and it ends the call
    CHECK ((outcome IS NULL) = (ended_at IS NULL)),
    CHECK (outcome <> 'BOOKED' OR appointment_id IS NOT NULL),
    CHECK (outcome <> 'URGENT_TRANSFER' OR practitioner_id IS NOT NULL)
);
CREATE INDEX phone_call_practice_idx ON phone_call (practice_id, started_at);

-- A structured request from a patient (ONLINE), or a memo taken on the phone (PHONE). An emergency is never
-- stored: the grid sends the patient to the emergency number instead.
CREATE TABLE patient_request (
    id                BIGSERIAL PRIMARY KEY,
    practice_id       BIGINT      NOT NULL REFERENCES practice (id),
    patient_id        BIGINT      NOT NULL REFERENCES patient (id),
    practitioner_id   BIGINT REFERENCES practitioner (id),
    author_account_id BIGINT      NOT NULL REFERENCES account (id),
    author_role       TEXT        NOT NULL,
    channel           TEXT        NOT NULL CHECK (channel IN ('ONLINE', 'PHONE')),
    type              TEXT        NOT NULL CHECK (type IN ('PRESCRIPTION_RENEWAL', 'NEW_SYMPTOMS', 'TEST_RESULTS',
                                                           'PAPERWORK', 'APPOINTMENT_QUESTION')),
    priority          TEXT        NOT NULL CHECK (priority IN ('URGENT', 'ROUTINE')),
    status            TEXT        NOT NULL CHECK (status IN ('NEW', 'READ', 'ANSWERED', 'CLOSED')),
    -- the clinical content: the TriageAnswers JSON
    answers           TEXT        NOT NULL,
    triage_reasons    TEXT,
    call_id           BIGINT REFERENCES phone_call (id),
    created_at        TIMESTAMPTZ NOT NULL,
    read_at           TIMESTAMPTZ,
    first_answered_at TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    version           INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX patient_request_inbox_idx ON patient_request (practice_id, status, priority, created_at);
CREATE INDEX patient_request_patient_idx ON patient_request (patient_id);
ALTER TABLE phone_call ADD CONSTRAINT phone_call_request_fk FOREIGN KEY (request_id) REFERENCES patient_request (id);

CREATE TABLE request_reply (
    id                BIGSERIAL PRIMARY KEY,
    request_id        BIGINT      NOT NULL REFERENCES patient_request (id),
    author_account_id BIGINT      NOT NULL REFERENCES account (id),
    author_role       TEXT        NOT NULL,
    author_name       TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_reply_request_idx ON request_reply (request_id, id);

-- Per-motive call scripts: one item per line.
ALTER TABLE motive ADD COLUMN script_questions_fr TEXT;
ALTER TABLE motive ADD COLUMN script_questions_en TEXT;
ALTER TABLE motive ADD COLUMN script_answers_fr TEXT;
ALTER TABLE motive ADD COLUMN script_answers_en TEXT;

-- The access journal: append-only, one hash chain per practice. journal_head holds each chain's last hash and
-- length; appends lock it (SELECT ... FOR UPDATE), so entries chain in a single order, and a deleted tail shows.
CREATE TABLE journal_head (
    practice_id BIGINT PRIMARY KEY REFERENCES practice (id),
    last_id     BIGINT,
    last_hash   TEXT   NOT NULL,
    entries     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE access_journal (
    id          BIGINT PRIMARY KEY,
    practice_id BIGINT      NOT NULL REFERENCES practice (id),
    at          TIMESTAMPTZ NOT NULL,
    account_id  BIGINT,
    role        TEXT,
    action      TEXT        NOT NULL,
    object_type TEXT        NOT NULL,
    object_id   BIGINT,
    detail      TEXT,
    client_ip   TEXT,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL
);
CREATE SEQUENCE access_journal_id_seq OWNED BY access_journal.id;
CREATE INDEX access_journal_practice_idx ON access_journal (practice_id, id);

CREATE FUNCTION access_journal_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_journal is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_journal_no_update_delete BEFORE UPDATE OR DELETE ON access_journal
    FOR EACH ROW EXECUTE FUNCTION access_journal_append_only();
CREATE TRIGGER access_journal_no_truncate BEFORE TRUNCATE ON access_journal
    FOR EACH STATEMENT EXECUTE FUNCTION access_journal_append_only();
