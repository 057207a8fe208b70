-- Lets a rerun of `npm run migrate:supabase` check the target side of an unchanged user with one hash instead of
-- comparing each of its rows with the stored fingerprints: `target_digest` is a 64-bit hash
-- (`hash_record_extended`) of the user's live rows here (the "user" columns that come from Supabase, its accounts,
-- its profile), taken when the migration last wrote the user and kept only while the reconciliation that checked
-- those rows, in the same transaction, found every part exactly as imported. A rerun whose live rows still hash to
-- it knows they are unchanged since; any other user is compared part by part, as before. NULL for users imported
-- before this migration, or whose rows differed or were changed here by their owner: the next rerun that finds all
-- their parts as imported stores it. `fingerprint_xor` (32 hex digits) is the XOR of the user's stored fingerprints,
-- so such a user adds its share to the run's reconciliation fingerprint without its fingerprints being read.
-- See scripts/README.md, "Reruns".

ALTER TABLE supabase_import
  ADD COLUMN target_digest bigint,
  ADD COLUMN fingerprint_xor text;
