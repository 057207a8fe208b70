-- Lets a rerun of `npm run migrate:supabase` count a Supabase user it skipped (soft-deleted, anonymous, phone-only,
-- without an e-mail, or the loser of an e-mail conflict) without reading that user again while its source rows are
-- unchanged: the source digest of the rows it was judged on, and what it adds to the report (`report_facts`:
-- `sourceCounts`, `reason`, and `conflictsWith` for a conflict's loser). Before, every skipped user was read in full
-- on every rerun, which sent nearly every batch of a real project down the slow path. Users the migration moved have
-- their record in `supabase_import` instead, which takes precedence. See scripts/README.md, "Reruns".

CREATE TABLE supabase_skip (
  user_id uuid PRIMARY KEY,
  source_digest text NOT NULL,
  report_facts jsonb NOT NULL
);
