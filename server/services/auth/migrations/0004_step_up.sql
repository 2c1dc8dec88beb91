-- Step-up authentication (issue 17): when a session last proved its password (and second factor),
-- at sign-in or through POST /auth/reauthenticate. Sessions that exist keep their sign-in time.
ALTER TABLE auth.sessions ADD COLUMN signed_in_at timestamptz;
UPDATE auth.sessions SET signed_in_at = created_at;
ALTER TABLE auth.sessions ALTER COLUMN signed_in_at SET NOT NULL, ALTER COLUMN signed_in_at SET DEFAULT now();
