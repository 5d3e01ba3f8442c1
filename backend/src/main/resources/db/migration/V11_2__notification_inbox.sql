-- The patient's in-app inbox (issue #4) reads the outbox: one notification event per (kind, subject, transaction),
-- whatever channels carried it. read_at is set when the patient opens it in the app (on the event's first row).
ALTER TABLE notification_outbox ADD COLUMN read_at TIMESTAMPTZ;
-- The inbox lists a family's events by due time, newest first.
CREATE INDEX notification_outbox_patient_due_idx ON notification_outbox (patient_id, due_at DESC);
