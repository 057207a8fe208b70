import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";
import { bitsToHex } from "./fingerprint.js";
import { NO_NESTED_LOOPS } from "./read-in-utc.js";
import { targetDigestsOfRange } from "./target-digest.js";

/** A page of source users: its ids and their source digests, in id order, each as a PostgreSQL array literal. */
export interface SourcePage {
  /** How many users the page has. */
  n: number;
  /** `{id,id,…}` (uuid[]). */
  ids: string;
  /** `{digest,digest,…}` (text[]), the digest of each id in the same order; null when not read (a first run). */
  digests: string | null;
}

/** The users of a page, sorted by what the batch must do with each. */
export interface BatchState {
  /** Users to read in full, mapped, compared and written as needed (source digest changed, new, …). */
  toRead: string[];
  /**
   * Unchanged in the source since the import (same digest), but their live rows no longer hash to the stored
   * target digest (or have none): the reconciliation compares them part by part. With their report facts (JSON).
   */
  trusted: { ids: string[]; facts: string[] };
  /**
   * Unchanged on both sides (the source digest, and the live rows' hash: target-digest.ts), per distinct report
   * facts document (JSON): how many users share it, and the XOR of their stored fingerprint XORs (32 hex digits).
   */
  verified: { facts: string; n: number; xor: string }[];
  /**
   * Skipped by an earlier run and unchanged in the source since (the same source digest, and for an e-mail conflict's
   * loser, the same winner): counted from the facts of their skip records (JSON), without being read again.
   */
  skipped: { id: string; facts: string }[];
}

// Each user of the page ($3 ids, $4 their source digests) is sorted here, in one statement:
// - `verified`: imported, still here, the same source digest, report facts stored, not an e-mail conflict's loser
//   ($6), and live rows that hash to the stored target digest, with the XOR of its fingerprints stored. These are
//   the bulk of a rerun: they come back summed per distinct report facts document (a count and the XOR of their
//   fingerprints), not one row each, so a batch of unchanged users costs the command almost nothing.
// - `trusted`: the same, except the live rows (compared part by part by the reconciliation), with its facts;
// - `skipped`: never imported, skipped by an earlier run (supabase_skip) with the same source digest, and still on
//   the same side of an e-mail conflict: a loser then ($6, with its winner in $7) loses now to the same winner;
// - `read`: everyone else (or everyone, with --full-compare, $5).
// Every table's part of the batch's id range is read once and joined by merge or hash (NO_NESTED_LOOPS, as
// PostgreSQL estimates a uuid range of one batch at about one row, and a nested loop would re-read a whole range for
// every record, a cost that grows with the table); looking each user up by key costs more than the joins do
// (target-digest.ts).
export const BATCH_STATE = `
WITH losers AS (
  SELECT loser, winner FROM unnest($6::uuid[], $7::uuid[]) AS c(loser, winner)
), j AS (
  SELECT p.id, s.report_facts, s.fingerprint_xor, k.report_facts AS skip_facts,
         CASE WHEN s.user_id IS NULL AND k.source_digest = p.digest AND NOT $5::boolean
                   AND (k.report_facts ->> 'conflictsWith') IS NOT DISTINCT FROM
                       (SELECT winner::text FROM losers WHERE loser = p.id) THEN 'skipped'
              WHEN s.user_id IS NULL OR t.id IS NULL OR $5::boolean OR s.source_digest IS DISTINCT FROM p.digest
                   OR s.report_facts IS NULL OR p.id IN (SELECT loser FROM losers) THEN 'read'
              WHEN s.target_digest = t.digest AND s.fingerprint_xor IS NOT NULL THEN 'verified'
              ELSE 'trusted' END AS kind
    FROM unnest($3::uuid[], $4::text[]) AS p(id, digest)
    LEFT JOIN (SELECT * FROM supabase_import WHERE user_id BETWEEN $1::uuid AND $2::uuid) s ON s.user_id = p.id
    LEFT JOIN (SELECT * FROM supabase_skip WHERE user_id BETWEEN $1::uuid AND $2::uuid) k ON k.user_id = p.id
    LEFT JOIN ${targetDigestsOfRange("$1::uuid", "$2::uuid")} t ON t.id = p.id
)
SELECT kind, id,
       CASE WHEN kind = 'trusted' THEN report_facts::text WHEN kind = 'skipped' THEN skip_facts::text END AS facts,
       NULL::int AS n, NULL::text AS xor
  FROM j WHERE kind <> 'verified'
UNION ALL
SELECT 'verified', NULL, report_facts::text, count(*)::int,
       bit_xor(('x' || fingerprint_xor)::bit(128))::text
  FROM j WHERE kind = 'verified' GROUP BY report_facts`;

/**
 * Sorts the users of a page (between `range.first` and `range.last`, its first and last ids) by what the batch must
 * do with each (BatchState). `conflictLosers`: the page's users who lose an e-mail conflict, each with the id of the
 * winner: read in full unless a skip record says they lost to the same winner with the same rows, since their
 * outcome depends on other users' rows.
 */
export async function readTargetState(
  target: pg.Pool,
  range: { first: string; last: string },
  page: SourcePage,
  options: { fullCompare: boolean; conflictLosers: { loser: string; winner: string }[] },
): Promise<BatchState> {
  const { rows } = await withTransaction(
    target,
    (client) =>
      client.query<{
        kind: "read" | "trusted" | "verified" | "skipped";
        id: string;
        facts: string | null;
        n: number | null;
        xor: string | null;
      }>(BATCH_STATE, [
        range.first,
        range.last,
        page.ids,
        page.digests,
        options.fullCompare,
        `{${options.conflictLosers.map((c) => c.loser).join(",")}}`,
        `{${options.conflictLosers.map((c) => c.winner).join(",")}}`,
      ]),
    `BEGIN; ${NO_NESTED_LOOPS}`,
  );
  const state: BatchState = {
    toRead: [],
    trusted: { ids: [], facts: [] },
    verified: [],
    skipped: [],
  };
  for (const row of rows) {
    if (row.kind === "verified") {
      state.verified.push({ facts: row.facts ?? "", n: row.n ?? 0, xor: bitsToHex(row.xor ?? "") });
    } else if (row.kind === "skipped") {
      state.skipped.push({ id: row.id, facts: row.facts ?? "" });
    } else if (row.kind === "trusted") {
      state.trusted.ids.push(row.id);
      state.trusted.facts.push(row.facts ?? "");
    } else {
      state.toRead.push(row.id);
    }
  }
  return state;
}
