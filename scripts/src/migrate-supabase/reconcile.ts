import { BCRYPT_CLAIM_SOURCE } from "@textbook/migrations/bcrypt-hash";
import type pg from "pg";
import {
  accountFingerprint,
  accountKey,
  bitsToHex,
  bitsToHexSql,
  profileFingerprint,
  SetFingerprint,
  userFingerprint,
} from "./fingerprint.js";
import { targetDigest } from "./target-digest.js";
import type { ReportFacts } from "./types.js";

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
  /**
   * Users whose source digest and target digest were both unchanged, so their live rows were checked by one hash
   * instead of part by part (target-digest.ts); 0 on a first run and with --full-compare.
   */
  checkedByTargetDigest: number;
}

const LIST_LIMIT = 100;

/**
 * How PostgreSQL judges each part of the users a batch reconciles, by comparing the live row's fingerprint
 * (fingerprint.ts: the same expressions that fingerprinted the rows as mapped) with the one stored at import:
 * - `same`: the row is what was imported;
 * - `changed_here`: it differs, but its owner changed it here after the import (a later updatedAt, or a bcrypt
 *   password that Better Auth upgraded to scrypt at sign-in: the same password);
 * - `deleted_here`: it is gone and this run did not just write it (a profile or linked login its owner removed);
 * - `missing` / `differs`: a mismatch.
 * Per figure and verdict it returns the count and the XOR of the fingerprints the target vouches for (`got`): the
 * stored one where the row agrees or its owner changed it, the live one where it differs, nothing where it is
 * missing. The stored fingerprints are the source's (the plan compared them with the mapped rows before writing),
 * so the XOR over the batch equals the source's exactly when every row agrees.
 * It also keeps each user's target digest true to its verdicts (`recorded`): cleared where a part is not `same`, and
 * stored again for a user not re-read ($1) whose parts are all `same` (its digest was missing or stale, or it would
 * not be checked here). It runs in the transaction that wrote the batch, before it commits. $2 is what a bcrypt hash
 * starts with (BCRYPT_CLAIM_SOURCE, migrations/src/bcrypt-hash.ts), the rule the migration and sign-in share.
 */
export const JUDGE_BATCH_AND_STORE_DIGESTS = `
WITH r AS (
  -- The users this batch planned (planned_user, map-users.ts), but those deleted here by their owner (reported as
  -- such, not compared) and those it could not write; and the trusted users ($1), unchanged in Supabase.
  SELECT s.user_id, s.fingerprints AS f, s.imported_at, false AS trusted
    FROM planned_user p JOIN supabase_import s ON s.user_id = p.id
   WHERE p.status <> 'gone' AND p.failure_reason IS NULL
  UNION ALL
  SELECT s.user_id, s.fingerprints, s.imported_at, true
    FROM json_array_elements_text($1::json) AS ids(id) JOIN supabase_import s ON s.user_id = ids.id::uuid
), written AS (
  -- The parts this run has just written: one of them missing is a mismatch, not its owner's deletion.
  SELECT p.id::text || ' user' AS part FROM planned_user p
   WHERE p.write_user AND p.status <> 'gone' AND p.failure_reason IS NULL
  UNION ALL
  SELECT p.id::text || ' profile' FROM planned_user p
   WHERE p.profile_action = 'upsert' AND p.status <> 'gone' AND p.failure_reason IS NULL
  UNION ALL
  SELECT p.id::text || ' ' || ${accountKey("a")}
    FROM planned_account a JOIN planned_user p ON p.id = a."userId"
   WHERE a.action = 'upsert' AND p.status <> 'gone' AND p.failure_reason IS NULL
), parts AS (
  -- Each live row is found by key, in a LATERAL … LIMIT 1: one index lookup per row whatever the planner estimates.
  -- (Joined to a range scan instead, PostgreSQL 17 planned a nested loop over the whole range for every row of a
  -- batch at 1,000,000 users; joined without a range, it hashed the whole table for every batch.)
  SELECT r.user_id, r.trusted, 'users' AS figure, 'user' AS part, 'user' AS key, r.f ->> 'user' AS stored, u.live,
         u.updated_at > r.imported_at AS changed
    FROM r LEFT JOIN LATERAL (
      SELECT u."updatedAt" AS updated_at, ${userFingerprint("u")} AS live
        FROM "user" u WHERE u.id = r.user_id LIMIT 1) u ON true
  UNION ALL
  SELECT r.user_id, r.trusted, 'accounts.' || (k.key::jsonb ->> 0), 'account ' || (k.key::jsonb ->> 0), k.key, k.value,
         a.live, a.updated_at > r.imported_at OR (a.provider_id = 'credential' AND NOT a.bcrypt)
    FROM r CROSS JOIN LATERAL jsonb_each_text(r.f -> 'accounts') AS k
    LEFT JOIN LATERAL (
      SELECT a."providerId" AS provider_id, a."updatedAt" AS updated_at,
             coalesce(a.password ~ $2, false) AS bcrypt, ${accountFingerprint("a")} AS live
        FROM account a
       WHERE a."providerId" = k.key::jsonb ->> 0 AND a."accountId" = k.key::jsonb ->> 1 AND a."userId" = r.user_id
       LIMIT 1) a ON true
  UNION ALL
  SELECT r.user_id, r.trusted, 'profiles', 'profile', 'profile', r.f ->> 'profile', p.live, p.updated_at > r.imported_at
    FROM r LEFT JOIN LATERAL (
      SELECT p.updated_at, ${profileFingerprint("p")} AS live
        FROM profile p WHERE p.user_id = r.user_id LIMIT 1) p ON true
   WHERE r.f ? 'profile'
), judged AS (
  SELECT user_id, trusted, figure, part, CASE
           WHEN live IS NULL THEN
             CASE WHEN user_id::text || ' ' || key IN (SELECT part FROM written) THEN 'missing'
                  ELSE 'deleted_here' END
           WHEN live = stored THEN 'same'
           WHEN changed THEN 'changed_here'
           ELSE 'differs' END AS verdict,
         CASE WHEN live IS NULL THEN NULL WHEN live = stored OR changed THEN stored ELSE live END AS got,
         stored
    FROM parts
), per_user AS (
  SELECT user_id, bool_and(trusted) AS trusted, bool_and(verdict = 'same') AS same,
         bit_xor(('x' || stored)::bit(128)) FILTER (WHERE trusted) AS xor
    FROM judged GROUP BY user_id
), recorded AS (
  UPDATE supabase_import s
     SET target_digest = CASE WHEN pu.same THEN ${targetDigest("s.user_id")} END,
         fingerprint_xor = coalesce(s.fingerprint_xor, ${bitsToHexSql("pu.xor")})
    FROM per_user pu
   WHERE s.user_id = pu.user_id AND CASE WHEN pu.same THEN pu.trusted ELSE s.target_digest IS NOT NULL END
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

const PROBLEM: Record<string, string> = {
  missing: "missing in the target",
  differs: "differs from the source",
};

/** The source's side of the users a batch planned and did not fail, summed by the target (report.ts). */
export interface PlannedSide {
  users: number;
  profiles: number;
  /** Accounts by provider. */
  accounts: Record<string, number>;
  /** The XOR of their fingerprints, as a bit(128) in PostgreSQL's text form. */
  xor: string;
}

/** One batch's check, to count once its transaction has committed (Reconciler.record). */
export interface BatchJudgement {
  planned: PlannedSide;
  rows: CheckRow[];
}

export interface CheckRow {
  figure: string;
  verdict: string;
  n: number;
  got: string;
  examples: [string, string][] | null;
  trusted_n: number;
  trusted_stored: string;
}

/**
 * Compares what each migrated user should be with what the target holds, batch by batch, so it needs no memory
 * per user: counts by category and an order-independent fingerprint over ids, e-mails, password hashes and every
 * profile field. PostgreSQL computes both sides and sends only totals: the source's from the rows as mapped
 * (the batch summary, report.ts), the target's from its live rows (JUDGE_BATCH_AND_STORE_DIGESTS).
 */
export class Reconciler {
  private readonly counts = new Map<string, { source: number; target: number }>();
  private readonly sourceSet = new SetFingerprint();
  private readonly targetSet = new SetFingerprint();
  private readonly mismatches: Reconciliation["mismatches"] = [];
  private mismatchCount = 0;
  private changedOnTarget = 0;
  private checkedByTargetDigest = 0;

  /**
   * Judges one batch on `client` (in the transaction that wrote it, with UTC_SETTINGS): each user as migrated from
   * the source against what the target holds for it now. For a `trusted` user (source digest unchanged since the
   * import, so not re-read) the source side is the fingerprints stored at import, which the unchanged digest shows
   * are still those of its source rows. It writes: each judged user's target digest is stored or cleared to match
   * its verdicts (target-digest.ts), and commits or rolls back with the batch. Counts nothing: pass the result to
   * record() once the batch has committed.
   */
  async judgeBatchAndStoreDigests(client: pg.PoolClient, trusted: string[]): Promise<CheckRow[]> {
    // Lists travel as JSON text: node-postgres escapes array parameters element by element, which costs more here.
    const { rows } = await client.query<CheckRow>(JUDGE_BATCH_AND_STORE_DIGESTS, [
      JSON.stringify(trusted),
      BCRYPT_CLAIM_SOURCE,
    ]);
    return rows;
  }

  /** Counts one checked batch: the source's side of its planned users, and the target's verdicts. */
  record({ planned, rows }: BatchJudgement): void {
    this.sourceSet.add(bitsToHex(planned.xor));
    this.count("users", "source", planned.users);
    for (const [provider, n] of Object.entries(planned.accounts)) this.count(`accounts.${provider}`, "source", n);
    this.count("profiles", "source", planned.profiles);
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

  /**
   * Counts users whose live rows still hash to the target digest stored when a reconciliation found every part as
   * imported, and whose source digest is unchanged (read-target-state.ts), as the target sums them: per distinct
   * report facts, the number of users and the XOR of their stored fingerprints, which is both sides' share. The
   * facts give the parts they have (the accounts' providers, whether there is a profile), those of their
   * fingerprints.
   */
  addVerified(groups: { facts: ReportFacts; n: number; xor: string }[]): void {
    for (const { facts, n, xor } of groups) {
      this.sourceSet.add(xor);
      this.targetSet.add(xor);
      this.count("users", "both", n);
      for (const provider of facts.accountProviders) this.count(`accounts.${provider}`, "both", n);
      if (facts.sourceCounts.includes("profiles")) this.count("profiles", "both", n);
      this.checkedByTargetDigest += n;
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
      checkedByTargetDigest: this.checkedByTargetDigest,
    };
  }

  private count(name: string, side: "source" | "target" | "both", n: number): void {
    const figure = this.counts.get(name) ?? { source: 0, target: 0 };
    if (side !== "target") figure.source += n;
    if (side !== "source") figure.target += n;
    this.counts.set(name, figure);
  }
}
