import type pg from "pg";
import type { SkipFacts } from "./types.js";

/** A skipped user's record (`supabase_skip`, migrations/0011_create_supabase_skip_table.sql). */
export interface SkipRecord {
  user_id: string;
  /** The source digest of the rows it was skipped on (read-source-batches.ts). */
  source_digest: string;
  report_facts: SkipFacts;
}

const UPSERT_SKIPS = `
INSERT INTO supabase_skip (user_id, source_digest, report_facts)
SELECT user_id, source_digest, report_facts
  FROM json_to_recordset($1::json) AS s(user_id uuid, source_digest text, report_facts jsonb)
ON CONFLICT (user_id) DO UPDATE SET source_digest = excluded.source_digest, report_facts = excluded.report_facts
 WHERE (supabase_skip.source_digest, supabase_skip.report_facts)
       IS DISTINCT FROM (excluded.source_digest, excluded.report_facts)`;

/**
 * Stores what the users a batch skipped were skipped on, so a rerun counts them without reading them again while
 * their source rows are unchanged (BATCH_STATE in read-target-state.ts). One statement, and none for a batch that
 * skipped no one; a record that is already up to date is not rewritten.
 */
export async function recordSkips(target: pg.Pool, skips: SkipRecord[]): Promise<void> {
  if (skips.length === 0) return;
  await target.query(UPSERT_SKIPS, [JSON.stringify(skips)]);
}
