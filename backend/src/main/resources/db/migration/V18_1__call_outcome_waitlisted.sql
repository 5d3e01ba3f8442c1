-- A call may end with the caller put on the waitlist (WAITLISTED). The call names the entry made for it, as BOOKED
-- names its appointment. The entry is deleted when the patient later stops waiting; that clears the link but must not
-- rewrite how the call ended, so no CHECK ties the outcome to a non-null entry: the service requires the entry when
-- the call is closed.
ALTER TABLE phone_call DROP CONSTRAINT phone_call_outcome_check;
ALTER TABLE phone_call ADD CONSTRAINT phone_call_outcome_check
    CHECK (outcome IN ('BOOKED', 'MEMO', 'URGENT_TRANSFER', 'ADVICE_GIVEN', 'WAITLISTED'));
ALTER TABLE phone_call ADD COLUMN waitlist_entry_id BIGINT REFERENCES waitlist_entry (id) ON DELETE SET NULL;
-- one entry backs one call: the same sign-up cannot close several calls
CREATE UNIQUE INDEX phone_call_waitlist_entry_idx ON phone_call (waitlist_entry_id) WHERE waitlist_entry_id IS NOT NULL;
