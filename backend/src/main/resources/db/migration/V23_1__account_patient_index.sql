-- A patient's account is looked up by patient_id for every notification planned (booking, move, cancellation,
-- reply, waitlist offer: "the first account of the holder", ORDER BY id LIMIT 1) and by the foreign key when a
-- patient row goes. Without an index each lookup read the whole account table: 2.3 ms of the 3.8 ms of
-- PostgreSQL time per booking with 17,500 accounts (bench/RESULTS.md, session 6), growing with every sign-up.
CREATE INDEX account_patient_idx ON account (patient_id, id) WHERE patient_id IS NOT NULL;
