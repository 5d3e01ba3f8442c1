-- Booking core. Invariants that PostgreSQL can hold live here, not only in Java.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE practice (
    id                        BIGSERIAL PRIMARY KEY,
    name                      TEXT        NOT NULL,
    timezone                  TEXT        NOT NULL,
    phone                     TEXT        NOT NULL,
    emergency_number          TEXT        NOT NULL DEFAULT '15',
    reachable_hours           TEXT,
    substitute                TEXT,
    cancellation_cutoff_hours INTEGER     NOT NULL DEFAULT 24 CHECK (cancellation_cutoff_hours BETWEEN 0 AND 720),
    min_notice_minutes        INTEGER     NOT NULL DEFAULT 60 CHECK (min_notice_minutes >= 0),
    horizon_days              INTEGER     NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 1 AND 730)
);

CREATE TABLE site (
    id          BIGSERIAL PRIMARY KEY,
    practice_id BIGINT NOT NULL REFERENCES practice (id),
    name        TEXT   NOT NULL,
    address     TEXT   NOT NULL,
    phone       TEXT
);
CREATE INDEX site_practice_idx ON site (practice_id);

CREATE TABLE practitioner (
    id          BIGSERIAL PRIMARY KEY,
    practice_id BIGINT NOT NULL REFERENCES practice (id),
    last_name   TEXT   NOT NULL,
    first_name  TEXT   NOT NULL,
    specialty   TEXT   NOT NULL
);
CREATE INDEX practitioner_practice_idx ON practitioner (practice_id);

CREATE TABLE motive (
    id                   BIGSERIAL PRIMARY KEY,
    practice_id          BIGINT  NOT NULL REFERENCES practice (id),
    label_fr             TEXT    NOT NULL,
    label_en             TEXT    NOT NULL,
    duration_minutes     INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    bookable_online      BOOLEAN NOT NULL DEFAULT TRUE,
    open_to_new_patients BOOLEAN NOT NULL DEFAULT TRUE,
    urgency_reserve      BOOLEAN NOT NULL DEFAULT FALSE,
    preparation_fr       TEXT,
    preparation_en       TEXT
);
CREATE INDEX motive_practice_idx ON motive (practice_id);

-- A weekly range repeats on day_of_week (ISO, 1 = Monday); a one-off extra opening has on_date instead.
-- Times are local to the practice's timezone, so that 08:30 stays 08:30 across DST changes.
CREATE TABLE opening_range (
    id                     BIGSERIAL PRIMARY KEY,
    practitioner_id        BIGINT  NOT NULL REFERENCES practitioner (id),
    site_id                BIGINT  NOT NULL REFERENCES site (id),
    day_of_week            SMALLINT CHECK (day_of_week BETWEEN 1 AND 7),
    on_date                DATE,
    start_time             TIME    NOT NULL,
    end_time               TIME    NOT NULL,
    urgency_reserve        BOOLEAN NOT NULL DEFAULT FALSE,
    release_minutes_before INTEGER NOT NULL DEFAULT 120 CHECK (release_minutes_before >= 0),
    -- The motives the range accepts (a motive of the same practice, checked by the service)
    motive_ids             BIGINT[] NOT NULL CHECK (cardinality(motive_ids) > 0),
    CHECK (end_time > start_time),
    CHECK ((day_of_week IS NULL) <> (on_date IS NULL))
);
CREATE INDEX opening_range_practitioner_idx ON opening_range (practitioner_id);

-- An urgency-reserve range released by hand for one date: offered online from then on.
CREATE TABLE urgency_release (
    id          BIGSERIAL PRIMARY KEY,
    range_id    BIGINT      NOT NULL REFERENCES opening_range (id) ON DELETE CASCADE,
    on_date     DATE        NOT NULL,
    released_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    released_by BIGINT,
    UNIQUE (range_id, on_date)
);

CREATE TABLE absence (
    id              BIGSERIAL PRIMARY KEY,
    practitioner_id BIGINT      NOT NULL REFERENCES practitioner (id),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    note            TEXT,
    created_by      BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX absence_practitioner_idx ON absence (practitioner_id, starts_at);

-- A relative (a child) has holder_id set: the patient whose account books for them.
CREATE TABLE patient (
    id         BIGSERIAL PRIMARY KEY,
    last_name  TEXT   NOT NULL,
    first_name TEXT   NOT NULL,
    birth_date DATE   NOT NULL,
    phone      TEXT,
    email      TEXT,
    holder_id  BIGINT REFERENCES patient (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX patient_holder_idx ON patient (holder_id);
CREATE INDEX patient_name_idx ON patient (lower(last_name), lower(first_name));
CREATE INDEX patient_phone_idx ON patient (phone);

-- Which patients a practice knows: those it booked or created, and those who booked with it.
CREATE TABLE practice_patient (
    id          BIGSERIAL PRIMARY KEY,
    practice_id BIGINT NOT NULL REFERENCES practice (id),
    patient_id  BIGINT NOT NULL REFERENCES patient (id),
    UNIQUE (practice_id, patient_id)
);

CREATE TABLE account (
    id                BIGSERIAL PRIMARY KEY,
    email             TEXT        NOT NULL,
    password_hash     TEXT        NOT NULL,
    role              TEXT        NOT NULL CHECK (role IN ('PATIENT', 'PRACTITIONER', 'SECRETARY', 'PRACTICE_ADMIN')),
    display_name      TEXT        NOT NULL,
    practice_id       BIGINT REFERENCES practice (id),
    practitioner_id   BIGINT REFERENCES practitioner (id),
    patient_id        BIGINT REFERENCES patient (id),
    failed_logins     INTEGER     NOT NULL DEFAULT 0,
    locked_until      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((role = 'PATIENT') = (patient_id IS NOT NULL)),
    CHECK ((role = 'PATIENT') = (practice_id IS NULL)),
    CHECK ((role = 'PRACTITIONER') = (practitioner_id IS NOT NULL))
);
CREATE UNIQUE INDEX account_email_idx ON account (lower(email));

-- Refresh tokens rotate: each use marks the token used and issues a sibling in the same family.
-- A second use of a used token revokes the whole family (a stolen token has been replayed).
CREATE TABLE refresh_token (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id),
    family     TEXT        NOT NULL,
    token_hash TEXT        NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family);

CREATE TABLE device_token (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id),
    push_key   TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE appointment (
    id              BIGSERIAL PRIMARY KEY,
    practice_id     BIGINT      NOT NULL REFERENCES practice (id),
    practitioner_id BIGINT      NOT NULL REFERENCES practitioner (id),
    site_id         BIGINT      NOT NULL REFERENCES site (id),
    patient_id      BIGINT      NOT NULL REFERENCES patient (id),
    motive_id       BIGINT      NOT NULL REFERENCES motive (id),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('BOOKED', 'CONFIRMED', 'ARRIVED', 'SEEN', 'NO_SHOW',
                                                           'CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE')),
    channel         TEXT        NOT NULL CHECK (channel IN ('ONLINE', 'PHONE', 'DESK')),
    booked_by       BIGINT      NOT NULL REFERENCES account (id),
    booked_by_role  TEXT        NOT NULL,
    cancel_reason   TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         INTEGER     NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    -- No double booking, ever: a practitioner holds one live appointment at a time. '[)' lets
    -- back-to-back appointments touch; cancelled rows free their slot.
    CONSTRAINT appointment_no_overlap EXCLUDE USING gist (
        practitioner_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status NOT IN ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE')),
    -- Nor can a patient be in two appointments at once.
    CONSTRAINT appointment_patient_no_overlap EXCLUDE USING gist (
        patient_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status NOT IN ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE'))
);
CREATE INDEX appointment_practitioner_start_idx ON appointment (practitioner_id, starts_at);
CREATE INDEX appointment_patient_idx ON appointment (patient_id, starts_at);

-- A retried POST with the same key answers the first response; the request hash catches a reused key.
CREATE TABLE idempotency_key (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT      NOT NULL REFERENCES account (id),
    idem_key        TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    response_status INTEGER     NOT NULL,
    response_body   TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, idem_key)
);
