import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";
import type { Fingerprints } from "./fingerprint.js";
import { NO_NESTED_LOOPS } from "./read-in-utc.js";
import { targetDigestsOfRange } from "./target-digest.js";

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
// it will compare (those whose digest changed, $3: the page's digests, or all of them, $4: --full-compare), the
// report facts of the others (as text: ReportBuilder.addUnchanged parses each distinct one once), and, for those
// whose live rows hash to the stored target digest, the XOR of their stored fingerprints.
// Every table's part of the batch's id range is read once and joined by merge or hash (NO_NESTED_LOOPS, as
// PostgreSQL estimates a uuid range of one batch at about one row and has planned nested loops over whole ranges
// for every record: 0.3–0.6 s a batch at 1,000,000 users, and once 17 minutes); looking each user up by key cost
// three times what the joins do (target-digest.ts).
export const IMPORT_RECORDS = `
SELECT s.user_id, s.source_digest, t.id IS NOT NULL AS present,
       CASE WHEN $4::boolean OR s.source_digest IS DISTINCT FROM d.digest THEN s.fingerprints END AS fingerprints,
       CASE WHEN s.source_digest = d.digest THEN s.report_facts::text END AS facts,
       CASE WHEN NOT $4::boolean AND s.source_digest = d.digest AND s.target_digest = t.digest
            THEN s.fingerprint_xor END AS verified_xor
  FROM supabase_import s
  LEFT JOIN json_to_recordset($3::json) AS d(id uuid, digest text) ON d.id = s.user_id
  LEFT JOIN ${targetDigestsOfRange("$1::uuid", "$2::uuid")} t ON t.id = s.user_id
 WHERE s.user_id BETWEEN $1::uuid AND $2::uuid`;

/** Reads the import records of every user in the page's id range (a page's first and last source ids). */
export async function readTargetState(
  target: pg.Pool,
  range: { first: string; last: string },
  page: { id: string; digest: string }[],
  options: { fullCompare: boolean },
): Promise<Map<string, TargetUserState>> {
  const { rows } = await withTransaction(
    target,
    (client) =>
      client.query<{
        user_id: string;
        fingerprints: Fingerprints | null;
        source_digest: string | null;
        present: boolean;
        facts: string | null;
        verified_xor: string | null;
      }>(IMPORT_RECORDS, [range.first, range.last, JSON.stringify(page), options.fullCompare]),
    `BEGIN; ${NO_NESTED_LOOPS}`,
  );
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
