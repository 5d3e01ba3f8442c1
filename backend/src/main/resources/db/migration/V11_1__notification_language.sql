-- The language a patient reads notifications in (issue #4): push, SMS, email and the in-app inbox. The holder's
-- row applies to the relatives they book for, like the channel choices. No row, or no choice: French.
ALTER TABLE notification_preference ADD COLUMN language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en'));
