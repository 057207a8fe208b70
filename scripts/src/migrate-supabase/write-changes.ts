import { isConnectionError, withTransaction } from "@textbook/migrations/database";
import type pg from "pg";
import { type Failure, findTargetConflicts, type UserChange } from "./plan-changes.js";
import { UTC_SETTINGS } from "./read-in-utc.js";
import { targetDigest } from "./target-digest.js";

// Each write comes in two forms: a plain INSERT, for a batch's first attempt when every user it writes is new
// (status `create`: no import record), and an upsert, for every other write and for the retry one user at a time.
// The plain form skips ON CONFLICT's speculative insertion, a large share of the cost of an account row; if a row exists after all (written since the batch was planned, or left without its import
// record), it fails, and the retry writes that user with the upsert, as if the plain form had never been tried.

// `role` is set on insert only: it does not come from Supabase, and an admin may have promoted the user here since.
const INSERT_USERS = `
INSERT INTO "user" (id, name, email, "emailVerified", image, "createdAt", "updatedAt", role, banned, "banReason", "banExpires")
SELECT id, name, email, "emailVerified", image, "createdAt", "updatedAt", role, banned, "banReason", "banExpires"
  FROM json_populate_recordset(NULL::"user", $1::json)`;
const UPSERT_USERS = `${INSERT_USERS}
ON CONFLICT (id) DO UPDATE SET
  name = excluded.name, email = excluded.email, "emailVerified" = excluded."emailVerified", image = excluded.image,
  "createdAt" = excluded."createdAt", "updatedAt" = excluded."updatedAt", banned = excluded.banned, "banReason" = excluded."banReason", "banExpires" = excluded."banExpires"`;

// Removed identities are rare: one statement each, always an index lookup on the unique key.
const DELETE_ACCOUNT = `DELETE FROM account WHERE "providerId" = $1 AND "accountId" = $2 AND "userId" = $3`;

// Keyed by ("providerId", "accountId") (unique index account_providerId_accountId_key), so a rerun can never add
// a second row; the WHERE leaves a login that belongs to another user alone, and the row count reveals it.
const INSERT_ACCOUNTS = `
INSERT INTO account ("providerId", "accountId", "userId", password, "createdAt", "updatedAt")
SELECT "providerId", "accountId", "userId", password, "createdAt", "updatedAt"
  FROM json_populate_recordset(NULL::account, $1::json)`;
const UPSERT_ACCOUNTS = `${INSERT_ACCOUNTS}
ON CONFLICT ("providerId", "accountId") DO UPDATE SET
  password = excluded.password, "createdAt" = excluded."createdAt", "updatedAt" = excluded."updatedAt"
 WHERE account."userId" = excluded."userId"`;

const DELETE_PROFILES = "DELETE FROM profile WHERE user_id = ANY($1::uuid[])";

// json_populate_recordset turns a JSON array into text[] element by element, so lists arrive exactly as they were.
const INSERT_PROFILES = `
INSERT INTO profile (user_id, display_name, avatar_url, software_background, hardware_background,
                     programming_languages, robotics_experience, learning_goals, preferred_language, created_at, updated_at)
SELECT user_id, display_name, avatar_url, software_background, hardware_background,
       programming_languages, robotics_experience, learning_goals, preferred_language, created_at, updated_at
  FROM json_populate_recordset(NULL::profile, $1::json)`;
const UPSERT_PROFILES = `${INSERT_PROFILES}
ON CONFLICT (user_id) DO UPDATE SET
  display_name = excluded.display_name, avatar_url = excluded.avatar_url,
  software_background = excluded.software_background, hardware_background = excluded.hardware_background,
  programming_languages = excluded.programming_languages, robotics_experience = excluded.robotics_experience,
  learning_goals = excluded.learning_goals, preferred_language = excluded.preferred_language,
  created_at = excluded.created_at, updated_at = excluded.updated_at,
  version = nextval('profile_version')`;

// `imported_at` is the time of the first import and is not moved by later writes: reconciliation judges a row
// whose updatedAt is later than it as changed here by its owner, and moving it would turn every earlier change of
// a part this run does not rewrite (say, a profile edited here, while Supabase changed the user's name) into a
// mismatch. The price: a part rewritten later carries a source updatedAt past imported_at, so a change to it here
// that keeps updatedAt is judged the owner's own. The target digest hashes the rows as this transaction leaves
// them; the reconciliation that runs before it commits clears it unless every part is as imported.
const INSERT_RECORDS = `
INSERT INTO supabase_import (user_id, fingerprints, fingerprint_xor, source_digest, report_facts, target_digest)
SELECT id, fingerprints, fingerprint_xor, source_digest, report_facts, ${targetDigest("e.id")}
  FROM json_to_recordset($1::json)
       AS e(id uuid, fingerprints jsonb, fingerprint_xor text, source_digest text, report_facts jsonb)`;
const UPSERT_RECORDS = `${INSERT_RECORDS}
ON CONFLICT (user_id) DO UPDATE SET
  fingerprints = excluded.fingerprints, fingerprint_xor = excluded.fingerprint_xor,
  source_digest = excluded.source_digest, report_facts = excluded.report_facts, target_digest = excluded.target_digest`;

/** Opens a batch's write transaction and its settings in one round trip. */
const BEGIN_WRITE = `BEGIN; ${UTC_SETTINGS}`;

/** A row the database rejected while a batch was written: the batch is written again one user at a time. */
class RowFailure extends Error {}

class AccountTakenError extends Error {}

/**
 * Writes one batch in one transaction, and runs `verify` (reconciliation) on the same connection before it
 * commits, so what it records about the written rows commits with them or not at all. If any row fails, the batch
 * is rolled back and written again: users whose e-mail or login another target user has are looked up first and
 * left out with that reason (a real run plans without those lookups: planChanges), then the others are written one
 * user per savepoint, so only the failing users are left out (and reported) while the rest of the batch commits;
 * `verify` then learns which users failed. Connection failures are not row failures: they stop the run, which
 * resumes at this batch.
 */
export async function writeChanges<T>(
  target: pg.Pool,
  changes: UserChange[],
  verify: (client: pg.PoolClient, failed: ReadonlySet<string>) => Promise<T>,
): Promise<{ failures: Failure[]; verified: T }> {
  const pending = changes.filter(
    (change) => change.status === "create" || change.status === "update" || change.refreshRecord,
  );
  try {
    return await withTransaction(
      target,
      async (client) => {
        if (pending.length > 0) {
          await applyChanges(
            client,
            pending,
            pending.every((change) => change.status === "create"),
          ).catch((error: unknown) => {
            throw isConnectionError(error)
              ? error
              : new RowFailure("a row of the batch failed", { cause: error });
          });
        }
        return { failures: [], verified: await verify(client, new Set()) };
      },
      BEGIN_WRITE,
    );
  } catch (error) {
    if (!(error instanceof RowFailure)) throw error;
  }
  return withTransaction(
    target,
    async (client) => {
      const failures = await findTargetConflicts(client, pending);
      const conflicting = new Set(failures.map((failure) => failure.id));
      for (const change of pending.filter((c) => !conflicting.has(c.rows.user.id))) {
        await client.query("SAVEPOINT one_user");
        try {
          await applyChanges(client, [change], false);
          await client.query("RELEASE SAVEPOINT one_user");
        } catch (error) {
          if (isConnectionError(error)) throw error;
          await client.query("ROLLBACK TO SAVEPOINT one_user");
          failures.push(describeFailure(change.rows.user.id, error));
        }
      }
      return { failures, verified: await verify(client, new Set(failures.map((failure) => failure.id))) };
    },
    BEGIN_WRITE,
  );
}

/** Writes `changes`; `allNew`: every one is a `create`, so the plain INSERTs can be used (see INSERT_USERS). */
async function applyChanges(client: pg.PoolClient, changes: UserChange[], allNew: boolean): Promise<void> {
  const run = (text: string, payload: unknown) => client.query(text, [JSON.stringify(payload)]);
  const users = changes.filter((c) => c.writeUser).map((c) => c.rows.user);
  if (users.length > 0) await run(allNew ? INSERT_USERS : UPSERT_USERS, users);
  for (const account of changes.flatMap((c) => c.deleteAccounts)) {
    await client.query(DELETE_ACCOUNT, [account.providerId, account.accountId, account.userId]);
  }
  const accounts = changes.flatMap((c) => c.upsertAccounts);
  if (
    accounts.length > 0 &&
    (await run(allNew ? INSERT_ACCOUNTS : UPSERT_ACCOUNTS, accounts)).rowCount !== accounts.length
  ) {
    throw new AccountTakenError("a login belongs to another user");
  }
  const noProfile = changes.filter((c) => c.profile === "delete").map((c) => c.rows.user.id);
  if (noProfile.length > 0) await client.query(DELETE_PROFILES, [noProfile]);
  const profiles = changes.filter((c) => c.profile === "upsert").map((c) => c.rows.profile);
  if (profiles.length > 0) await run(allNew ? INSERT_PROFILES : UPSERT_PROFILES, profiles);
  await run(
    allNew ? INSERT_RECORDS : UPSERT_RECORDS,
    changes.map((c) => ({
      id: c.rows.user.id,
      fingerprints: c.fingerprints,
      fingerprint_xor: c.xor,
      source_digest: c.rows.digest,
      report_facts: c.rows.facts,
    })),
  );
}

function describeFailure(id: string, error: unknown): Failure {
  const err = error as Error & { code?: string; constraint?: string };
  if (error instanceof AccountTakenError) {
    return {
      id,
      reason: "account_taken_in_target",
      message: "a linked login belongs to another target user",
    };
  }
  if (err.code === "23505" && err.constraint === "user_email_key") {
    return { id, reason: "email_taken_in_target", message: "another target user already has this e-mail" };
  }
  // The message only: pg's `detail` can quote row values, which stay out of reports.
  return { id, reason: "write_failed", message: `${err.code ?? "error"}: ${err.message}` };
}
