-- notification_outbox_patient_due_idx (patient_id, due_at DESC), added for the inbox, serves every lookup by
-- patient_id (the inbox, the foreign key from patient). The older (patient_id, created_at) index serves none of its
-- own, and every outbox write (insert, claim, mark: the status updates are never HOT) had to maintain it.
DROP INDEX notification_outbox_patient_idx;
