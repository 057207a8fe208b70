-- Records, per user moved by `npm run migrate:supabase`, a fingerprint of each part that was written from the
-- Supabase source (user, each account, profile). A rerun compares the source with these fingerprints, not with the
-- live rows, so it applies exactly what changed in Supabase and never undoes what a user changed here since
-- (a password upgraded to scrypt at sign-in, an edited profile). Written in the same transaction as the rows, so
-- a run killed at any moment resumes where its last commit ended. No foreign key to "user", on purpose: the
-- record outlives a user who deletes their account here, so a later rerun knows not to re-create them.

CREATE TABLE supabase_import (
  user_id uuid PRIMARY KEY,
  fingerprints jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
