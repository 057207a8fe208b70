import { isConnectionError } from "@textbook/migrations/database";
import pg from "pg";
import { targetDigestsOfMapped } from "./target-digest.js";

/**
 * Writing a batch's plan (map-users.ts) from the staging tables (staging.ts), in the batch's transaction.
 *
 * Users whose e-mail or login already belongs to another target user (one who signed up on the new site, say) are
 * an outcome of the plan, found by FIND_TARGET_CONFLICTS: before anything is written in a dry run (so it predicts
 * them), and only when a batch's writes fail in a real run, before the redo (so a batch without one pays nothing;
 * the target's unique indexes find them first). The redo then writes the batch one user per savepoint, so a row the
 * database refuses for a reason no one foresaw leaves out only its user, reported with the database's message.
 */

/** A user the target cannot take as it stands. */
export interface Failure {
  id: string;
  reason: "email_taken_in_target" | "account_taken_in_target" | "write_failed";
  message: string;
}

/** Planned users (alias `p`) that write a row (`create`/`update`) and are not yet known to fail. */
const WRITING = `p.status IN ('create', 'update') AND p.failure_reason IS NULL`;

/**
 * Marks the planned users whose e-mail, or one of whose logins to write, another target user has. One index lookup
 * per value (LATERAL … LIMIT 1), so a batch costs the same whatever the size of the tables.
 */
export const FIND_TARGET_CONFLICTS = `
WITH writing AS (
  SELECT p.id FROM planned_user p
   WHERE ${WRITING}
     AND (p.write_user OR p.id IN (SELECT "userId" FROM planned_account WHERE action = 'upsert'))
), found AS (
  SELECT w.id, 1 AS rank, 'email_taken_in_target' AS reason,
         'another target user (' || o.id || ') already has this e-mail' AS message
    FROM writing w JOIN mapped_user m ON m.id = w.id
   CROSS JOIN LATERAL (SELECT id FROM "user" u WHERE u.email = m.email LIMIT 1) o
   WHERE o.id <> w.id
  UNION ALL
  SELECT w.id, 2, 'account_taken_in_target',
         'the ' || a."providerId" || ' login ' || a."accountId" || ' belongs to another target user (' || o."userId" || ')'
    FROM writing w JOIN planned_account a ON a."userId" = w.id AND a.action = 'upsert'
   CROSS JOIN LATERAL (SELECT "userId" FROM account x
                        WHERE x."providerId" = a."providerId" AND x."accountId" = a."accountId" LIMIT 1) o
   WHERE o."userId" <> w.id
)
UPDATE planned_user p SET failure_reason = f.reason, failure_message = f.message
  FROM (SELECT DISTINCT ON (id) id, reason, message FROM found ORDER BY id, rank, message) f
 WHERE p.id = f.id`;

// A new user has nothing to delete; a plain INSERT of accounts fails on a login another user has (its unique index).
const deleteAccounts = (and: string) => `DELETE FROM account WHERE id = ANY (ARRAY(
  SELECT x.id FROM planned_account a JOIN planned_user p ON p.id = a."userId"
   CROSS JOIN LATERAL (SELECT id FROM account x WHERE x."providerId" = a."providerId" AND x."accountId" = a."accountId"
                          AND x."userId" = a."userId") x
   WHERE a.action = 'delete' AND ${WRITING}${and}));
`;
const ACCOUNTS_TO_WRITE = (and: string) => `
  SELECT a."providerId", a."accountId", a."userId", a.password, a."createdAt", a."updatedAt"
    FROM planned_account a JOIN planned_user p ON p.id = a."userId"
   WHERE a.action = 'upsert' AND ${WRITING}${and}`;
const insertAccounts = (
  and: string,
) => `INSERT INTO account ("providerId", "accountId", "userId", password, "createdAt", "updatedAt")
${ACCOUNTS_TO_WRITE(and)};
`;
// An upsert leaves alone a login that belongs to another user (its WHERE): the statement returns how many accounts
// it should write and how many it did, and the difference reveals it.
const upsertAccounts = (and: string) => `WITH w AS (${ACCOUNTS_TO_WRITE(and)}
), written AS (
  INSERT INTO account ("providerId", "accountId", "userId", password, "createdAt", "updatedAt")
  SELECT * FROM w
  ON CONFLICT ("providerId", "accountId") DO UPDATE SET
    password = excluded.password, "createdAt" = excluded."createdAt", "updatedAt" = excluded."updatedAt"
   WHERE account."userId" = excluded."userId"
  RETURNING 1
)
SELECT (SELECT count(*) FROM w)::int AS expected, (SELECT count(*) FROM written)::int AS written;
`;
const deleteProfiles = (and: string) => `DELETE FROM profile
 WHERE user_id = ANY (ARRAY(SELECT p.id FROM planned_user p WHERE p.profile_action = 'delete' AND ${WRITING}${and}));
`;

/**
 * The statements that write a batch's plan, as one round trip: `allNew` (every planned user is `create`: no import
 * record) uses plain INSERTs, which skip ON CONFLICT's speculative insertion, a large share of the cost of a row; a
 * row that exists after all (written since, or left without its import record) makes them fail, and the redo
 * upserts. `only`: the one user to write (the redo), else every user not known to fail.
 */
export function applySql(options: { allNew: boolean; only?: string }): string {
  const { allNew } = options;
  const and = options.only === undefined ? "" : ` AND p.id = ${pg.escapeLiteral(options.only)}::uuid`;
  const upsert = (conflict: string) => (allNew ? "" : `\nON CONFLICT ${conflict}`);
  const accounts = allNew ? insertAccounts(and) : `${deleteAccounts(and)}${upsertAccounts(and)}`;
  const deletedProfiles = allNew ? "" : deleteProfiles(and);
  return `
INSERT INTO "user" (id, name, email, "emailVerified", image, "createdAt", "updatedAt", role, banned, "banReason", "banExpires")
SELECT m.id, m.name, m.email, m."emailVerified", m.image, m."createdAt", m."updatedAt", 'user', m.banned, m."banReason", m."banExpires"
  FROM planned_user p JOIN mapped_user m ON m.id = p.id
 WHERE ${WRITING} AND p.write_user${and}${upsert(`(id) DO UPDATE SET
  name = excluded.name, email = excluded.email, "emailVerified" = excluded."emailVerified", image = excluded.image,
  "createdAt" = excluded."createdAt", "updatedAt" = excluded."updatedAt", banned = excluded.banned,
  "banReason" = excluded."banReason", "banExpires" = excluded."banExpires"`)};
${accounts}${deletedProfiles}INSERT INTO profile (user_id, display_name, avatar_url, software_background, hardware_background,
                     programming_languages, robotics_experience, learning_goals, preferred_language, created_at, updated_at)
SELECT q.user_id, q.display_name, q.avatar_url, q.software_background, q.hardware_background,
       q.programming_languages, q.robotics_experience, q.learning_goals, q.preferred_language, q.created_at, q.updated_at
  FROM planned_user p JOIN mapped_profile q ON q.user_id = p.id
 WHERE p.profile_action = 'upsert' AND ${WRITING}${and}${upsert(`(user_id) DO UPDATE SET
  display_name = excluded.display_name, avatar_url = excluded.avatar_url,
  software_background = excluded.software_background, hardware_background = excluded.hardware_background,
  programming_languages = excluded.programming_languages, robotics_experience = excluded.robotics_experience,
  learning_goals = excluded.learning_goals, preferred_language = excluded.preferred_language,
  created_at = excluded.created_at, updated_at = excluded.updated_at, version = nextval('profile_version')`)};
INSERT INTO supabase_import (user_id, fingerprints, fingerprint_xor, source_digest, report_facts, target_digest)
SELECT p.id, p.fingerprints, p.fingerprint_xor, p.source_digest, p.report_facts, d.digest
  FROM planned_user p LEFT JOIN ${targetDigestsOfMapped()} d ON d.id = p.id
 WHERE (p.status IN ('create', 'update') OR p.refresh_record) AND p.failure_reason IS NULL${and}${upsert(`(user_id) DO UPDATE SET
  fingerprints = excluded.fingerprints, fingerprint_xor = excluded.fingerprint_xor,
  source_digest = excluded.source_digest, report_facts = excluded.report_facts, target_digest = excluded.target_digest`)}`;
}
// `role` is set on insert only: it does not come from Supabase, and an admin may have promoted the user here since.
// `imported_at` is the time of the first import and is not moved by later writes: reconciliation judges a row whose
// updatedAt is later than it as changed here by its owner, and moving it would turn every earlier change of a part
// this run does not rewrite (say, a profile edited here, while Supabase changed the user's name) into a mismatch.
// The target digest is that of the rows as mapped (targetDigestsOfMapped, target-digest.ts); the reconciliation that
// runs before the transaction commits clears it unless every live part is as mapped (reconcile.ts).

/**
 * Skip records (migrations/0011_create_supabase_skip_table.sql): what each skipped user was skipped on, so a rerun
 * counts it without reading it again while its source rows are unchanged (read-target-state.ts). A record that is
 * already up to date is not rewritten.
 */
export const RECORD_SKIPS = `
INSERT INTO supabase_skip (user_id, source_digest, report_facts)
SELECT id, digest,
       jsonb_build_object('sourceCounts', to_jsonb(source_counts), 'reason', skip_reason)
         || CASE WHEN conflicts_with IS NULL THEN '{}' ELSE jsonb_build_object('conflictsWith', conflicts_with) END
  FROM mapped_user WHERE skip_reason IS NOT NULL
ON CONFLICT (user_id) DO UPDATE SET source_digest = excluded.source_digest, report_facts = excluded.report_facts
 WHERE (supabase_skip.source_digest, supabase_skip.report_facts)
       IS DISTINCT FROM (excluded.source_digest, excluded.report_facts)`;

/** A row the database refused: the batch is written again one user at a time. */
class RowFailure extends Error {}

class AccountTakenError extends Error {}

/**
 * Writes a batch's plan on `client` (its transaction). If a row fails, the writes are rolled back to before them, the
 * users another target user's e-mail or login stands in the way of are marked (FIND_TARGET_CONFLICTS), and the
 * others are written one savepoint each: a user whose row still fails is marked `write_failed`. Connection failures
 * are not row failures: they stop the run, which resumes at this batch.
 */
export async function applyPlan(client: pg.PoolClient, allNew: boolean): Promise<void> {
  try {
    // The savepoint is set in the same round trip, and left for COMMIT to release.
    await runApply(client, { allNew }, "SAVEPOINT batch;");
    return;
  } catch (error) {
    if (isConnectionError(error)) throw error;
    await client.query("ROLLBACK TO SAVEPOINT batch");
  }
  await client.query(FIND_TARGET_CONFLICTS);
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM planned_user WHERE (status IN ('create', 'update') OR refresh_record) AND failure_reason IS NULL
      ORDER BY id`,
  );
  for (const { id } of rows) {
    try {
      await runApply(client, { allNew: false, only: id }, "SAVEPOINT one_user;");
      await client.query("RELEASE SAVEPOINT one_user");
    } catch (error) {
      if (isConnectionError(error)) throw error;
      await client.query("ROLLBACK TO SAVEPOINT one_user");
      const failure = describeFailure(id, error);
      await client.query("UPDATE planned_user SET failure_reason = $2, failure_message = $3 WHERE id = $1", [
        id,
        failure.reason,
        failure.message,
      ]);
    }
  }
}

async function runApply(
  client: pg.PoolClient,
  options: { allNew: boolean; only?: string },
  savepoint: string,
): Promise<void> {
  let results: pg.QueryResult | pg.QueryResult[];
  try {
    results = (await client.query(`${savepoint}${applySql(options)}`)) as pg.QueryResult | pg.QueryResult[];
  } catch (error) {
    throw isConnectionError(error) ? error : new RowFailure("a row of the batch failed", { cause: error });
  }
  const accounts = (Array.isArray(results) ? results : [results]).find((result) =>
    result.fields.some((field) => field.name === "expected"),
  )?.rows[0] as { expected: number; written: number } | undefined;
  if (accounts && accounts.expected !== accounts.written) {
    throw new AccountTakenError("a login belongs to another user");
  }
}

function describeFailure(id: string, error: unknown): Failure {
  if (error instanceof AccountTakenError) {
    return {
      id,
      reason: "account_taken_in_target",
      message: "a linked login belongs to another target user",
    };
  }
  const err = (error instanceof RowFailure ? error.cause : error) as Error & {
    code?: string;
    constraint?: string;
  };
  if (err.code === "23505" && err.constraint === "user_email_key") {
    return { id, reason: "email_taken_in_target", message: "another target user already has this e-mail" };
  }
  // The message only: pg's `detail` can quote row values, which stay out of reports.
  return { id, reason: "write_failed", message: `${err.code ?? "error"}: ${err.message}` };
}
