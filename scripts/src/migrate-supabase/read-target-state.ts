import type pg from "pg";
import type { Fingerprints } from "./fingerprint.js";
import { targetDigest } from "./target-digest.js";

/** What the target holds for one user an earlier run imported. */
export interface TargetUserState {
  /**
   * The fingerprints this migration stored when it last wrote the user; null when not needed (the user's source
   * digest is unchanged, so it will not be compared, and its live rows do not hash to the stored target digest).
   */
  stored: Fingerprints | null;
  /** The source digest of the rows it was last mapped from; null for imports older than the digest. */
  digest: string | null;
  /** False when the user deleted their account here since (the import record outlives the user). */
  present: boolean;
  /** The report facts stored with the import (JSON text), when its digest matches the page's. */
  facts: string | null;
  /**
   * The XOR of the stored fingerprints when the source digest matches the page's and the live rows hash to the
   * stored target digest (the user is unchanged on both sides since a reconciliation found every part as imported:
   * target-digest.ts); else null.
   */
  verifiedXor: string | null;
}

// Planning needs what earlier runs stored and whether the user is still here, the stored fingerprints only of users
// it will compare (those whose digest changed, $3: the page's digests, or all of them, $4: --full-compare), and the
// report facts of the others (as text: ReportBuilder.addUnchanged parses each distinct one once). A user's live
// rows are hashed only when its source digest matches and a target digest is stored (a CASE runs its subqueries
// only for the rows that reach them); `verified` is used once, as PostgreSQL pastes a subquery's expression into
// each use.
// Whether the user is still here is one index lookup per record (LATERAL … LIMIT 1). PostgreSQL estimates a uuid
// range of one batch at about one row, so a join to the range planned a nested loop over the whole range for every
// record (quadratic in the batch: 0.3–0.6 s a batch at 1,000,000 users), and an EXISTS became one hashed scan of the
// whole "user" table per batch.
export const IMPORT_RECORDS = `
SELECT user_id, source_digest, present, facts, CASE WHEN compare THEN fingerprints END AS fingerprints,
       CASE WHEN verified THEN fingerprint_xor END AS verified_xor
  FROM (
    SELECT s.user_id, s.source_digest, s.fingerprints, s.fingerprint_xor, u.present IS NOT NULL AS present,
           $4::boolean OR s.source_digest IS DISTINCT FROM d.digest AS compare,
           CASE WHEN s.source_digest = d.digest THEN s.report_facts::text END AS facts,
           CASE WHEN NOT $4::boolean AND s.source_digest = d.digest AND s.target_digest IS NOT NULL
                    AND s.fingerprint_xor IS NOT NULL
                THEN coalesce(s.target_digest = ${targetDigest("s.user_id")}, false)
                ELSE false END AS verified
      FROM supabase_import s
      LEFT JOIN LATERAL (SELECT true AS present FROM "user" WHERE id = s.user_id LIMIT 1) u ON true
      LEFT JOIN json_to_recordset($3::json) AS d(id uuid, digest text) ON d.id = s.user_id
     WHERE s.user_id BETWEEN $1::uuid AND $2::uuid) r`;

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
    facts: string | null;
    verified_xor: string | null;
  }>(IMPORT_RECORDS, [page[0]?.id, page.at(-1)?.id, JSON.stringify(page), options.fullCompare]);
  return new Map(
    rows.map((row) => [
      row.user_id,
      {
        stored: row.fingerprints,
        digest: row.source_digest,
        present: row.present,
        facts: row.facts,
        verifiedXor: row.verified_xor,
      },
    ]),
  );
}
