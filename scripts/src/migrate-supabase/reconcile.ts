import type pg from "pg";
import { accountKey, SetFingerprint } from "./fingerprint.js";
import type { UserChange } from "./plan-changes.js";
import { readInUtc } from "./read-in-utc.js";

export interface Figure {
  name: string;
  source: number | string;
  target: number | string;
  ok: boolean;
}

export interface Reconciliation {
  ok: boolean;
  figures: Figure[];
  /** Rows that differ from the source with no later change on the target to explain it (first 100). */
  mismatches: { id: string; part: string; problem: string }[];
  mismatchCount: number;
  /** Rows changed on the target after they were imported (a password upgraded at sign-in, an edited profile). */
  changedOnTarget: number;
}

const LIST_LIMIT = 100;

/**
 * How PostgreSQL judges each part of the users a batch reconciles, by comparing the live row's fingerprint (computed
 * here in SQL, column for column the canonical form of fingerprint.ts) with the one stored at import:
 * - `same`: the row is what was imported;
 * - `changed_here`: it differs, but its owner changed it here after the import (a later updatedAt, or a bcrypt
 *   password that Better Auth upgraded to scrypt at sign-in: the same password);
 * - `deleted_here`: it is gone and this run did not just write it (a profile or linked login its owner removed);
 * - `missing` / `differs`: a mismatch.
 * Per figure and verdict it returns the count and the XOR of the fingerprints the target vouches for (`got`): the
 * stored one where the row agrees or its owner changed it, the live one where it differs, nothing where it is
 * missing. The stored fingerprints are the source's (this process compares them with the source before it writes),
 * so the XOR over the batch equals the source's exactly when every row agrees.
 */
export const CHECK_TARGET = String.raw`
WITH r AS (
  SELECT s.user_id, s.fingerprints AS f, s.imported_at, false AS trusted
    FROM json_array_elements_text($1::json) AS ids(id) JOIN supabase_import s ON s.user_id = ids.id::uuid
  UNION ALL
  SELECT s.user_id, s.fingerprints, s.imported_at, true
    FROM json_array_elements_text($3::json) AS ids(id) JOIN supabase_import s ON s.user_id = ids.id::uuid
), parts AS (
  -- Each live row is found by key, in a LATERAL … LIMIT 1: one index lookup per row whatever the planner estimates.
  -- (Joined to a range scan instead, PostgreSQL 17 planned a nested loop over the whole range for every row of a
  -- batch at 1,000,000 users; joined without a range, it hashed the whole table for every batch.)
  SELECT r.user_id, r.trusted, 'users' AS figure, 'user' AS part, 'u' AS key, r.f ->> 'u' AS stored, u.live,
         u.updated_at > r.imported_at AS changed
    FROM r LEFT JOIN LATERAL (
      SELECT u."updatedAt" AS updated_at,
             md5(jsonb_build_array(u.id, u.name, u.email, u."emailVerified", u.image, u."createdAt"::text,
                                   u."updatedAt"::text, u.banned, u."banReason", u."banExpires"::text)::text) AS live
        FROM "user" u WHERE u.id = r.user_id LIMIT 1) u ON true
  UNION ALL
  SELECT r.user_id, r.trusted, 'accounts.' || (k.key::jsonb ->> 0), 'account ' || (k.key::jsonb ->> 0), k.key, k.value,
         a.live, a.updated_at > r.imported_at OR (a.provider_id = 'credential' AND NOT a.bcrypt)
    FROM r CROSS JOIN LATERAL jsonb_each_text(r.f -> 'a') AS k
    LEFT JOIN LATERAL (
      SELECT a."providerId" AS provider_id, a."updatedAt" AS updated_at,
             coalesce(a.password ~ '^\$2[aby]?\$\d\d\$', false) AS bcrypt,
             md5(jsonb_build_array(a."providerId", a."accountId", a."userId", a.password, a."createdAt"::text,
                                   a."updatedAt"::text)::text) AS live
        FROM account a
       WHERE a."providerId" = k.key::jsonb ->> 0 AND a."accountId" = k.key::jsonb ->> 1 AND a."userId" = r.user_id
       LIMIT 1) a ON true
  UNION ALL
  SELECT r.user_id, r.trusted, 'profiles', 'profile', 'p', r.f ->> 'p', p.live, p.updated_at > r.imported_at
    FROM r LEFT JOIN LATERAL (
      SELECT p.updated_at,
             md5(jsonb_build_array(p.user_id, p.display_name, p.avatar_url, p.software_background,
                                   p.hardware_background, p.programming_languages, p.robotics_experience,
                                   p.learning_goals, p.preferred_language, p.created_at::text,
                                   p.updated_at::text)::text) AS live
        FROM profile p WHERE p.user_id = r.user_id LIMIT 1) p ON true
   WHERE r.f ? 'p'
), judged AS (
  SELECT user_id, trusted, figure, part, CASE
           WHEN live IS NULL THEN
             CASE WHEN user_id::text || ' ' || key IN (SELECT json_array_elements_text($2::json)) THEN 'missing'
                  ELSE 'deleted_here' END
           WHEN live = stored THEN 'same'
           WHEN changed THEN 'changed_here'
           ELSE 'differs' END AS verdict,
         CASE WHEN live IS NULL THEN NULL WHEN live = stored OR changed THEN stored ELSE live END AS got,
         stored
    FROM parts
)
SELECT figure, verdict, count(*)::int AS n,
       coalesce(bit_xor(('x' || coalesce(got, stored))::bit(128)) FILTER (WHERE verdict <> 'missing'),
                0::bit(128))::text AS got,
       to_jsonb((array_agg(jsonb_build_array(user_id, part) ORDER BY user_id, part)
                  FILTER (WHERE verdict IN ('missing', 'differs')))[1:${LIST_LIMIT}]) AS examples,
       count(*) FILTER (WHERE trusted)::int AS trusted_n,
       coalesce(bit_xor(('x' || stored)::bit(128)) FILTER (WHERE trusted), 0::bit(128))::text AS trusted_stored
  FROM judged
 GROUP BY figure, verdict`;

/** A bit(128) as PostgreSQL prints it (128 characters 0/1) to the 32 hex digits of an MD5. */
function bitsToHex(bits: string): string {
  return BigInt(`0b${bits}`).toString(16).padStart(32, "0");
}

const PROBLEM: Record<string, string> = {
  missing: "missing in the target",
  differs: "differs from the source",
};

/**
 * Compares what each migrated user should be with what the target holds, batch by batch, so it needs no memory
 * per user: counts by category and an order-independent fingerprint over ids, e-mails, password hashes and every
 * profile field. This process computes the source's side from the source rows; PostgreSQL computes the target's
 * side from its live rows (CHECK_TARGET), and only the totals travel back.
 */
export class Reconciler {
  private readonly counts = new Map<string, { source: number; target: number }>();
  private readonly sourceSet = new SetFingerprint();
  private readonly targetSet = new SetFingerprint();
  private readonly mismatches: Reconciliation["mismatches"] = [];
  private mismatchCount = 0;
  private changedOnTarget = 0;

  /**
   * Adds one batch: each user as migrated from the source, checked against what the target holds for it now. For a
   * `trusted` user (source digest unchanged since the import, so not re-read) the source side is the fingerprints
   * stored at import, which the unchanged digest shows are still those of its source rows.
   */
  async add(target: pg.Pool, changes: UserChange[], trusted: string[]): Promise<void> {
    const ids: string[] = [];
    const written: string[] = [];
    for (const change of changes) {
      // A user who deleted their account here is reported as such (report.changes.deletedOnTarget), not compared.
      if (change.status === "gone") continue;
      const { rows, fingerprints } = change;
      const id = rows.user.id;
      ids.push(id);
      this.sourceSet.addAll(fingerprints);
      this.count("users", "source", 1);
      for (const account of rows.accounts) this.count(`accounts.${account.providerId}`, "source", 1);
      if (fingerprints.p !== undefined) this.count("profiles", "source", 1);
      if (change.writeUser) written.push(`${id} u`);
      if (change.profile === "upsert") written.push(`${id} p`);
      for (const account of change.upsertAccounts) written.push(`${id} ${accountKey(account)}`);
    }
    if (ids.length === 0 && trusted.length === 0) return;
    // In UTC (timestamps print as they were fingerprinted) and without JIT (compiling this statement takes far
    // longer than running it): see read-in-utc.ts.
    const { rows } = await readInUtc(target, (client) =>
      client.query<{
        figure: string;
        verdict: string;
        n: number;
        got: string;
        examples: [string, string][] | null;
        trusted_n: number;
        trusted_stored: string;
      }>(CHECK_TARGET, [JSON.stringify(ids), JSON.stringify(written), JSON.stringify(trusted)]),
    );
    // Lists travel as JSON text: node-postgres escapes array parameters element by element, which costs more here.
    // Sorted, so the mismatches listed are the same whatever order PostgreSQL returns the groups in.
    rows.sort((a, b) => a.figure.localeCompare(b.figure) || a.verdict.localeCompare(b.verdict));
    for (const row of rows) {
      this.targetSet.add(bitsToHex(row.got));
      this.sourceSet.add(bitsToHex(row.trusted_stored));
      this.count(row.figure, "source", row.trusted_n);
      if (row.verdict === "deleted_here") {
        // Gone by its owner's choice: counted on neither side, so the counts compare what should be there.
        this.count(row.figure, "source", -row.n);
        this.changedOnTarget += row.n;
        continue;
      }
      if (row.verdict !== "missing") this.count(row.figure, "target", row.n);
      if (row.verdict === "changed_here") this.changedOnTarget += row.n;
      const problem = PROBLEM[row.verdict];
      if (problem === undefined) continue;
      this.mismatchCount += row.n;
      for (const [id, part] of row.examples ?? []) {
        if (this.mismatches.length < LIST_LIMIT) this.mismatches.push({ id, part, problem });
      }
    }
  }

  /** The figures so far, each with its source and target value. */
  result(): Reconciliation {
    const order = (name: string) => (name === "users" ? 0 : name === "profiles" ? 2 : 1);
    const figures: Figure[] = [...this.counts]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([name, { source, target }]) => ({ name, source, target, ok: source === target }));
    const source = this.sourceSet.toString();
    const target = this.targetSet.toString();
    figures.push({ name: "fingerprint", source, target, ok: source === target });
    return {
      ok: figures.every((figure) => figure.ok) && this.mismatchCount === 0,
      figures,
      mismatches: this.mismatches,
      mismatchCount: this.mismatchCount,
      changedOnTarget: this.changedOnTarget,
    };
  }

  private count(name: string, side: "source" | "target", n: number): void {
    const figure = this.counts.get(name) ?? { source: 0, target: 0 };
    figure[side] += n;
    this.counts.set(name, figure);
  }
}
