import type pg from "pg";
import type { Fingerprints } from "./fingerprint.js";
import type { StoredFacts } from "./report.js";

/** What the target holds for one user an earlier run imported. */
export interface TargetUserState {
  /**
   * The fingerprints this migration stored when it last wrote the user; null when not asked for (the user's source
   * digest is unchanged, so it will not be compared).
   */
  stored: Fingerprints | null;
  /** The source digest of the rows it was last mapped from; null for imports older than the digest. */
  digest: string | null;
  /** False when the user deleted their account here since (the import record outlives the user). */
  present: boolean;
}

// Planning needs what earlier runs stored and whether the user is still here, and the stored fingerprints only of
// users it will compare: those whose digest changed ($3: the page's digests) or all of them ($4, --full-compare).
// The live rows are fingerprinted by PostgreSQL itself after the writes (reconcile.ts), so no row travels back.
// Users are matched by the same id range, not by EXISTS per record: PostgreSQL turns that EXISTS into one hashed
// scan of the whole "user" table per batch, which costs as much as the table is large (seen at 1,000,000 users).
const IMPORT_RECORDS = `
SELECT s.user_id, s.source_digest, u.id IS NOT NULL AS present,
       CASE WHEN $4::boolean OR s.source_digest IS DISTINCT FROM d.digest THEN s.fingerprints END AS fingerprints
  FROM supabase_import s
  LEFT JOIN (SELECT id FROM "user" WHERE id BETWEEN $1::uuid AND $2::uuid) u ON u.id = s.user_id
  LEFT JOIN json_to_recordset($3::json) AS d(id uuid, digest text) ON d.id = s.user_id
 WHERE s.user_id BETWEEN $1::uuid AND $2::uuid`;

/** Reads the import records of every user in the page's id range. */
export async function readTargetState(
  target: pg.Pool,
  page: { id: string; digest: string }[],
  options: { fullCompare: boolean },
): Promise<Map<string, TargetUserState>> {
  const { rows } = await target.query<{
    user_id: string;
    fingerprints: Fingerprints | null;
    source_digest: string | null;
    present: boolean;
  }>(IMPORT_RECORDS, [page[0]?.id, page.at(-1)?.id, JSON.stringify(page), options.fullCompare]);
  return new Map(
    rows.map((row) => [
      row.user_id,
      { stored: row.fingerprints, digest: row.source_digest, present: row.present },
    ]),
  );
}

// Sums the report facts of the users a batch found unchanged; their rows are not read at all.
const STORED_FACTS = `
WITH r AS MATERIALIZED (
  SELECT s.report_facts AS f FROM json_array_elements_text($1::json) AS ids(id)
    JOIN supabase_import s ON s.user_id = ids.id::uuid
)
SELECT (SELECT count(*)::int FROM r) AS users,
       (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
          SELECT k, count(*)::int AS n FROM r, jsonb_array_elements_text(r.f -> 's') AS k GROUP BY k) x) AS source,
       (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
          SELECT k, count(*)::int AS n FROM r, jsonb_array_elements_text(r.f -> 'a') AS k GROUP BY k) x) AS accounts,
       (SELECT coalesce(jsonb_agg(w), '[]') FROM r, jsonb_array_elements(r.f -> 'w') AS w) AS warnings`;

/** The summed report facts of the given imported users. */
export async function readStoredFacts(target: pg.Pool, ids: string[]): Promise<StoredFacts> {
  const { rows } = await target.query<StoredFacts>(STORED_FACTS, [JSON.stringify(ids)]);
  const facts = rows[0];
  if (!facts) throw new Error("the report facts query returned no row");
  return facts;
}
