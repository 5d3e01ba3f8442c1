-- Absences and their fallout (issue #4): what the staff decided for each appointment an absence holds, and the
-- slots proposed to the patient when they chose PROPOSE.

-- Who replaces the practitioner during this absence ("Dr X, 01 23 ..."), told in every notice; without it the
-- practice's own substitute is told.
ALTER TABLE absence ADD COLUMN substitute TEXT;

-- One decision per cancelled appointment (KEEP changes nothing and is not stored). The appointment is cancelled
-- by the practice when the decision is taken; OPEN means proposals wait for the patient's choice.
CREATE TABLE absence_decision (
    id                 BIGSERIAL   PRIMARY KEY,
    absence_id         BIGINT      NOT NULL REFERENCES absence (id) ON DELETE CASCADE,
    appointment_id     BIGINT      NOT NULL UNIQUE REFERENCES appointment (id),
    practice_id        BIGINT      NOT NULL REFERENCES practice (id),
    patient_id         BIGINT      NOT NULL REFERENCES patient (id),
    action             TEXT        NOT NULL CHECK (action IN ('CANCEL', 'PROPOSE')),
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'CANCELLED')),
    substitute         TEXT,
    expires_at         TIMESTAMPTZ,
    new_appointment_id BIGINT      REFERENCES appointment (id),
    decided_by         BIGINT      NOT NULL REFERENCES account (id),
    decided_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX absence_decision_patient_idx ON absence_decision (patient_id, status);
CREATE INDEX absence_decision_absence_idx ON absence_decision (absence_id);

-- The slots proposed for one decision, nearest first. They are not held: the exclusion constraint decides at
-- acceptance, like any booking.
CREATE TABLE absence_proposal (
    id              BIGSERIAL   PRIMARY KEY,
    decision_id     BIGINT      NOT NULL REFERENCES absence_decision (id) ON DELETE CASCADE,
    practitioner_id BIGINT      NOT NULL REFERENCES practitioner (id),
    site_id         BIGINT      NOT NULL REFERENCES site (id),
    motive_id       BIGINT      NOT NULL REFERENCES motive (id),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    rank            INT         NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'GONE'))
);
CREATE INDEX absence_proposal_decision_idx ON absence_proposal (decision_id);
CREATE INDEX absence_proposal_slot_idx ON absence_proposal (practitioner_id, starts_at) WHERE status = 'OPEN';

-- What a link in a notice may do: the confirm/cancel links of reminders, or choosing a proposed slot. A link of
-- one purpose is unknown (404) to the endpoints of the other.
ALTER TABLE notification_link ADD COLUMN purpose TEXT NOT NULL DEFAULT 'CONFIRM'
    CHECK (purpose IN ('CONFIRM', 'ABSENCE_PROPOSAL'));
