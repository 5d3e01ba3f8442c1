-- No-shows (issue #4): excused or not. Only unexcused ones count against the patient, per practice.
ALTER TABLE appointment ADD COLUMN no_show_excused BOOLEAN NOT NULL DEFAULT FALSE;
-- The count staff see at booking and the practice rule read: a handful of rows per patient at most
CREATE INDEX appointment_no_show_idx ON appointment (patient_id, practice_id) WHERE status = 'NO_SHOW';
-- The practice's rule: from this many unexcused no-shows on, the patient books through the secretariat. NULL: no rule.
ALTER TABLE practice ADD COLUMN max_unexcused_no_shows INTEGER CHECK (max_unexcused_no_shows BETWEEN 1 AND 100);

-- Waitlist waves: each time a slot frees up it is offered in a round, to a few entries at a time; an expired or
-- declined offer passes the slot on to the next entry of the same round.
CREATE TABLE waitlist_round (
    id               BIGSERIAL PRIMARY KEY,
    practice_id      BIGINT      NOT NULL REFERENCES practice (id),
    practitioner_id  BIGINT      NOT NULL REFERENCES practitioner (id),
    motive_id        BIGINT      NOT NULL REFERENCES motive (id),
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    -- the patient whose cancellation freed the slot is not offered it back
    freed_patient_id BIGINT,
    status           TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLAIMED', 'TAKEN', 'PAST')),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX waitlist_round_open_idx ON waitlist_round (starts_at) WHERE status = 'OPEN';
CREATE INDEX waitlist_round_slot_idx ON waitlist_round (practitioner_id, starts_at);

ALTER TABLE waitlist_offer ADD COLUMN round_id BIGINT REFERENCES waitlist_round (id);
ALTER TABLE waitlist_offer DROP CONSTRAINT waitlist_offer_status_check;
ALTER TABLE waitlist_offer ADD CONSTRAINT waitlist_offer_status_check
    CHECK (status IN ('OPEN', 'CLAIMED', 'GONE', 'EXPIRED', 'DECLINED'));
CREATE INDEX waitlist_offer_round_idx ON waitlist_offer (round_id, status);
CREATE INDEX waitlist_offer_open_expiry_idx ON waitlist_offer (expires_at) WHERE status = 'OPEN';
