-- Reminders and notifications (issue #4): a transactional outbox, each delivery attempt, per-practice policy,
-- patients' channel choices with consent dates, and single-use confirm/cancel links.

-- Whether a motive's label may appear in an SMS, a push or an email. Off by default: a label can be clinical.
ALTER TABLE motive ADD COLUMN show_in_reminders BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per practice that departs from the defaults; a practice without a row gets the defaults below.
CREATE TABLE notification_policy (
    practice_id                BIGINT  PRIMARY KEY REFERENCES practice (id),
    send_confirmation          BOOLEAN NOT NULL DEFAULT TRUE,
    week_reminder              BOOLEAN NOT NULL DEFAULT TRUE,
    confirm_request_hours      INTEGER NOT NULL DEFAULT 48 CHECK (confirm_request_hours BETWEEN 1 AND 240),
    late_confirm_request_hours INTEGER NOT NULL DEFAULT 24 CHECK (late_confirm_request_hours BETWEEN 1 AND 240),
    escalate_after_hours       INTEGER NOT NULL DEFAULT 4 CHECK (escalate_after_hours BETWEEN 1 AND 72),
    short_reminder_minutes     INTEGER NOT NULL DEFAULT 120 CHECK (short_reminder_minutes BETWEEN 0 AND 1440),
    quiet_start                TIME    NOT NULL DEFAULT '21:00',
    quiet_end                  TIME    NOT NULL DEFAULT '08:00'
);

-- A patient's choices. No row = every channel on (appointment messages are a service the patient asked for);
-- the consent dates record when the patient last agreed to SMS and to email, and are cleared on withdrawal.
CREATE TABLE notification_preference (
    patient_id       BIGINT      PRIMARY KEY REFERENCES patient (id),
    push_enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    sms_enabled      BOOLEAN     NOT NULL DEFAULT TRUE,
    email_enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    sms_consent_at   TIMESTAMPTZ,
    email_consent_at TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The outbox: written in the same transaction as the change it announces, sent later by the dispatchers.
-- payload holds ids and flags only (never a motive label or any clinical detail): the text is rendered at send
-- time from the current rows, so a message never announces a slot that has since moved or been cancelled.
CREATE TABLE notification_outbox (
    id             BIGSERIAL   PRIMARY KEY,
    appointment_id BIGINT      REFERENCES appointment (id),
    patient_id     BIGINT      NOT NULL REFERENCES patient (id),
    account_id     BIGINT      REFERENCES account (id),
    practice_id    BIGINT      REFERENCES practice (id),
    channel        TEXT        NOT NULL CHECK (channel IN ('PUSH', 'SMS', 'EMAIL')),
    kind           TEXT        NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    payload        JSONB       NOT NULL DEFAULT '{}',
    -- Same patient, same local day, same kind and channel: one message. Unique while pending only.
    group_key      TEXT,
    status         TEXT        NOT NULL DEFAULT 'PENDING'
                   CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'DEAD')),
    attempts       INTEGER     NOT NULL DEFAULT 0,
    lease_until    TIMESTAMPTZ,
    locked_by      TEXT,
    last_error     TEXT,
    sent_at        TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (due_at) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_lease_idx ON notification_outbox (lease_until) WHERE status = 'SENDING';
CREATE UNIQUE INDEX notification_outbox_group_idx ON notification_outbox (group_key) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_appointment_idx ON notification_outbox (appointment_id);
CREATE INDEX notification_outbox_patient_idx ON notification_outbox (patient_id, created_at);

-- Every attempt, per channel and target (a push to two devices is two rows), for support and audit.
CREATE TABLE notification_attempt (
    id           BIGSERIAL   PRIMARY KEY,
    outbox_id    BIGINT      NOT NULL REFERENCES notification_outbox (id) ON DELETE CASCADE,
    attempt      INTEGER     NOT NULL,
    channel      TEXT        NOT NULL,
    worker       TEXT        NOT NULL,
    target       TEXT,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('SENT', 'FAILED', 'SKIPPED', 'TOKEN_REMOVED')),
    provider_ref TEXT,
    error        TEXT,
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_attempt_outbox_idx ON notification_attempt (outbox_id);

-- Confirm/cancel links sent in reminders. Only the SHA-256 of the token is stored; the token itself is an
-- HMAC of the outbox id, so a retried send carries the same link.
CREATE TABLE notification_link (
    id              BIGSERIAL   PRIMARY KEY,
    token_hash      TEXT        NOT NULL UNIQUE,
    outbox_id       BIGINT      NOT NULL UNIQUE REFERENCES notification_outbox (id),
    patient_id      BIGINT      NOT NULL REFERENCES patient (id),
    account_id      BIGINT      REFERENCES account (id),
    appointment_ids BIGINT[]    NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    used_action     TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
