-- The staff's follow-up of absence decisions (patients who do not answer are called back): a patient reached by
-- phone may want none of the proposals (DECLINED), and the list tells how each answer came (the app, the link in
-- the notice, or the staff on the patient's behalf by phone) and who recorded it.
ALTER TABLE absence_decision DROP CONSTRAINT absence_decision_status_check;
ALTER TABLE absence_decision ADD CONSTRAINT absence_decision_status_check
    CHECK (status IN ('OPEN', 'ACCEPTED', 'CANCELLED', 'DECLINED'));
ALTER TABLE absence_decision ADD COLUMN answered_via TEXT CHECK (answered_via IN ('APP', 'LINK', 'PHONE'));
ALTER TABLE absence_decision ADD COLUMN answered_by  BIGINT REFERENCES account (id);
ALTER TABLE absence_decision ADD COLUMN answered_at  TIMESTAMPTZ;
-- the staff list: a practice's recent decisions
CREATE INDEX absence_decision_practice_idx ON absence_decision (practice_id, decided_at);
