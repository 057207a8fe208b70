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

/** A live row (alias u, a, p) equals, column for column, its mapped row (alias m): the columns its fingerprint covers. */
const USER_SAME = `((u.id, u.name, u.email, u."emailVerified", u.image, u."createdAt", u."updatedAt", u.banned, u."banReason",
                    u."banExpires") IS NOT DISTINCT FROM
                   (m.id, m.name, m.email, m."emailVerified", m.image, m."createdAt", m."updatedAt", m.banned,
                    m."banReason", m."banExpires"))`;
const ACCOUNT_SAME = `((a."providerId", a."accountId", a."userId", a.password, a."createdAt", a."updatedAt")
                        IS NOT DISTINCT FROM (m."providerId", m."accountId", m."userId", m.password, m."createdAt", m."updatedAt"))`;
const PROFILE_SAME = `((p.user_id, p.display_name, p.avatar_url, p.software_background, p.hardware_background,
                        p.programming_languages, p.robotics_experience, p.learning_goals, p.preferred_language,
                        p.created_at, p.updated_at) IS NOT DISTINCT FROM
                       (m.user_id, m.display_name, m.avatar_url, m.software_background, m.hardware_background,
                        m.programming_languages, m.robotics_experience, m.learning_goals, m.preferred_language,
                        m.created_at, m.updated_at))`;

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
WITH imported AS (
  -- The import records of the batch's id range ($3 to $4): every user judged here is in it.
  SELECT user_id, fingerprints, imported_at FROM supabase_import WHERE user_id BETWEEN $3::uuid AND $4::uuid
), planned AS (
  -- The users this batch planned (planned_user, map-users.ts), but those deleted here by their owner (reported as
  -- such, not compared) and those it could not write.
  SELECT p.id FROM planned_user p WHERE p.status <> 'gone' AND p.failure_reason IS NULL
), trusted AS (
  -- The trusted users ($1): unchanged in Supabase, not read, so judged against the fingerprints stored at import.
  SELECT i.user_id, i.fingerprints AS f, i.imported_at
    FROM json_array_elements_text($1::json) AS ids(id) JOIN imported i ON i.user_id = ids.id::uuid
), written AS (
  -- The parts this batch has just written: one of them missing is a mismatch, not its owner's deletion.
  SELECT id::text || ' user' AS part FROM planned_user WHERE write_user
  UNION ALL
  SELECT id::text || ' profile' FROM planned_user WHERE profile_action = 'upsert'
  UNION ALL
  SELECT "userId"::text || ' ' || ${accountKey("planned_account")} FROM planned_account WHERE action = 'upsert'
), parts AS (
  -- A planned user's parts as mapped have the fingerprints its import record now stores (the plan wrote them, or
  -- found them equal), so each live row is compared with its mapped row column for column: equal rows have equal
  -- fingerprints, and only a row that differs is fingerprinted. Each table's range of the batch is read once and
  -- joined by hash (the batch runs with nested loops off: staging.ts).
  SELECT m.id AS user_id, false AS trusted, 'users' AS figure, 'user' AS part, 'user' AS key, m.fingerprint AS stored,
         u.id IS NOT NULL AS present, ${USER_SAME} AS same, u."updatedAt" > i.imported_at AS changed,
         CASE WHEN u.id IS NOT NULL AND NOT ${USER_SAME} THEN ${userFingerprint("u")} END AS live
    FROM planned JOIN mapped_user m ON m.id = planned.id JOIN imported i ON i.user_id = m.id
    LEFT JOIN "user" u ON u.id = m.id AND u.id BETWEEN $3::uuid AND $4::uuid
  UNION ALL
  SELECT m."userId", false, 'accounts.' || m."providerId", 'account ' || m."providerId", m.key, m.fingerprint,
         a.id IS NOT NULL, ${ACCOUNT_SAME},
         a."updatedAt" > i.imported_at OR (a."providerId" = 'credential' AND NOT coalesce(a.password ~ $2, false)),
         CASE WHEN a.id IS NOT NULL AND NOT ${ACCOUNT_SAME} THEN ${accountFingerprint("a")} END
    FROM planned JOIN mapped_account m ON m."userId" = planned.id JOIN imported i ON i.user_id = m."userId"
    LEFT JOIN account a ON a."userId" = m."userId" AND a."providerId" = m."providerId" AND a."accountId" = m."accountId"
                       AND a."userId" BETWEEN $3::uuid AND $4::uuid
  UNION ALL
  SELECT m.user_id, false, 'profiles', 'profile', 'profile', m.fingerprint, p.user_id IS NOT NULL, ${PROFILE_SAME},
         p.updated_at > i.imported_at,
         CASE WHEN p.user_id IS NOT NULL AND NOT ${PROFILE_SAME} THEN ${profileFingerprint("p")} END
    FROM planned JOIN mapped_profile m ON m.user_id = planned.id JOIN imported i ON i.user_id = m.user_id
    LEFT JOIN profile p ON p.user_id = m.user_id AND p.user_id BETWEEN $3::uuid AND $4::uuid
), trusted_parts AS (
  -- A trusted user's live rows are found by key, in a LATERAL … LIMIT 1 (one index lookup per row whatever the
  -- planner estimates), fingerprinted, and compared with the stored fingerprints.
  SELECT t.user_id, 'users' AS figure, 'user' AS part, 'user' AS key, t.f ->> 'user' AS stored, u.live,
         u.updated_at > t.imported_at AS changed
    FROM trusted t LEFT JOIN LATERAL (
      SELECT u."updatedAt" AS updated_at, ${userFingerprint("u")} AS live
        FROM "user" u WHERE u.id = t.user_id LIMIT 1) u ON true
  UNION ALL
  SELECT t.user_id, 'accounts.' || (k.key::jsonb ->> 0), 'account ' || (k.key::jsonb ->> 0), k.key, k.value,
         a.live, a.updated_at > t.imported_at OR (a.provider_id = 'credential' AND NOT a.bcrypt)
    FROM trusted t CROSS JOIN LATERAL jsonb_each_text(t.f -> 'accounts') AS k
    LEFT JOIN LATERAL (
      SELECT a."providerId" AS provider_id, a."updatedAt" AS updated_at,
             coalesce(a.password ~ $2, false) AS bcrypt, ${accountFingerprint("a")} AS live
        FROM account a
       WHERE a."providerId" = k.key::jsonb ->> 0 AND a."accountId" = k.key::jsonb ->> 1 AND a."userId" = t.user_id
       LIMIT 1) a ON true
  UNION ALL
  SELECT t.user_id, 'profiles', 'profile', 'profile', t.f ->> 'profile', p.live, p.updated_at > t.imported_at
    FROM trusted t LEFT JOIN LATERAL (
      SELECT p.updated_at, ${profileFingerprint("p")} AS live
        FROM profile p WHERE p.user_id = t.user_id LIMIT 1) p ON true
   WHERE t.f ? 'profile'
), compared AS (
  SELECT user_id, trusted, figure, part, key, stored, present, same, changed, live FROM parts
  UNION ALL
  SELECT user_id, true, figure, part, key, stored, live IS NOT NULL, live = stored, changed, live FROM trusted_parts
), judged AS (
  SELECT user_id, trusted, figure, part, CASE
           WHEN NOT present THEN
             CASE WHEN user_id::text || ' ' || key IN (SELECT part FROM written) THEN 'missing'
                  ELSE 'deleted_here' END
           WHEN same THEN 'same'
           WHEN changed THEN 'changed_here'
           ELSE 'differs' END AS verdict,
         CASE WHEN NOT present THEN NULL WHEN same OR changed THEN stored ELSE live END AS got,
         stored
    FROM compared
), per_user AS (
  SELECT user_id, bool_and(trusted) AS trusted, bool_and(verdict = 'same') AS same,
         bit_xor(('x' || stored)::bit(128)) FILTER (WHERE trusted) AS xor
    FROM judged GROUP BY user_id
), recorded AS (
  UPDATE supabase_import s
     SET target_digest = CASE WHEN pu.same THEN ${targetDigest("s.user_id")} END,
         fingerprint_xor = coalesce(s.fingerprint_xor, ${bitsToHexSql("pu.xor")})
    FROM (SELECT * FROM per_user WHERE trusted OR NOT same) pu
   WHERE s.user_id = pu.user_id AND s.user_id BETWEEN $3::uuid AND $4::uuid
     AND CASE WHEN pu.same THEN pu.trusted ELSE s.target_digest IS NOT NULL END
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
  async judgeBatchAndStoreDigests(
    client: pg.PoolClient,
    range: { first: string; last: string },
    trusted: string[],
  ): Promise<CheckRow[]> {
    // Lists travel as JSON text: node-postgres escapes array parameters element by element, which costs more here.
    const { rows } = await client.query<CheckRow>(JUDGE_BATCH_AND_STORE_DIGESTS, [
      JSON.stringify(trusted),
      BCRYPT_CLAIM_SOURCE,
      range.first,
      range.last,
    ]);
    return rows;
  }

  /** Counts one checked batch: the source's side of its planned users, and the target's verdicts. */
  record({ planned, rows }: BatchJudgement): void {
    this.sourceSet.add(bitsToHex(planned.xor));
    this.count("users", "source", planned.users);
    for (const [provider, n] of Object.entries(planned.accounts))
      this.count(`accounts.${provider}`, "source", n);
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
