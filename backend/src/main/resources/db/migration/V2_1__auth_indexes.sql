-- Lookups by account: the push keys of an account (to notify it), its refresh tokens (to end its sessions).
CREATE INDEX device_token_account_idx ON device_token (account_id);
CREATE INDEX refresh_token_account_idx ON refresh_token (account_id);
ALTER TABLE account ADD CONSTRAINT account_failed_logins_check CHECK (failed_logins >= 0);
