-- Lets a rerun of `npm run migrate:supabase` skip, cheaply, the users whose Supabase rows have not changed since
-- their import: `source_digest` is an MD5 that the Supabase server computes over every source value the mapping
-- reads for the user (auth.users columns, identities, profile, MFA status) together with the mapping's version,
-- and `report_facts` keeps what that user adds to the run's report (source counts, accounts by provider,
-- warnings), so a rerun reports the same figures without re-reading the rows. NULL for users imported before this
-- migration: they are compared in full once, and get both. See scripts/README.md, "Reruns".

ALTER TABLE supabase_import
  ADD COLUMN source_digest text,
  ADD COLUMN report_facts jsonb;
