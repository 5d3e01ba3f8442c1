-- Waitlist (issue #4): patients waiting for a slot, and the offers made to them when one frees up.
CREATE TABLE waitlist_entry (
    id              BIGSERIAL PRIMARY KEY,
    practice_id     BIGINT      NOT NULL REFERENCES practice (id),
    patient_id      BIGINT      NOT NULL REFERENCES patient (id),
    practitioner_id BIGINT      REFERENCES practitioner (id),
    motive_id       BIGINT      NOT NULL REFERENCES motive (id),
    from_date       DATE        NOT NULL,
    to_date         DATE        NOT NULL,
    from_time       TIME,
    to_time         TIME,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'BOOKED')),
    created_by      BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (to_date >= from_date),
    CHECK ((from_time IS NULL) = (to_time IS NULL))
);
CREATE INDEX waitlist_entry_match_idx ON waitlist_entry (practice_id, motive_id, status, created_at);
CREATE INDEX waitlist_entry_patient_idx ON waitlist_entry (patient_id);

CREATE TABLE waitlist_offer (
    id              BIGSERIAL PRIMARY KEY,
    entry_id        BIGINT      NOT NULL REFERENCES waitlist_entry (id) ON DELETE CASCADE,
    practice_id     BIGINT      NOT NULL REFERENCES practice (id),
    practitioner_id BIGINT      NOT NULL REFERENCES practitioner (id),
    motive_id       BIGINT      NOT NULL REFERENCES motive (id),
    starts_at       TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    rank            INT         NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLAIMED', 'GONE')),
    appointment_id  BIGINT      REFERENCES appointment (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX waitlist_offer_slot_idx ON waitlist_offer (practitioner_id, starts_at, status);
CREATE INDEX waitlist_offer_entry_idx ON waitlist_offer (entry_id);
