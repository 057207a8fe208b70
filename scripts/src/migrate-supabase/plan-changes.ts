import type pg from "pg";
import { accountKey, type Fingerprints, fingerprintsOf, fingerprintXor } from "./fingerprint.js";
import type { TargetUserState } from "./read-target-state.js";
import type { ImportedUser, TargetAccount } from "./types.js";

/** What must be written for one migrated user. */
export interface UserChange {
  rows: ImportedUser;
  fingerprints: Fingerprints;
  /** fingerprintXor(fingerprints): stored with the import record, and the user's share of the source fingerprint. */
  xor: string;
  /** `gone`: imported earlier and deleted on the target since (the user deleted their account): never re-created. */
  status: "create" | "update" | "unchanged" | "gone";
  writeUser: boolean;
  upsertAccounts: TargetAccount[];
  deleteAccounts: { providerId: string; accountId: string; userId: string }[];
  profile: "upsert" | "delete" | null;
  /** Unchanged rows, but a new source digest (e.g. a later last sign-in in Supabase): only the record is updated. */
  refreshRecord: boolean;
}

/** A user the target cannot take as it stands, found before writing (so a dry run predicts it too). */
export interface Failure {
  id: string;
  reason: "email_taken_in_target" | "account_taken_in_target" | "write_failed";
  message: string;
}

/**
 * Compares each user with the fingerprints of what earlier runs wrote, so exactly the parts that changed in the
 * source are written. The target's own later changes (a password upgraded at sign-in, an edited profile) are not
 * compared and so never undone.
 * With `lookUpConflicts` (a dry run, which writes nothing to fail), users whose e-mail or login another target user
 * has are found here and returned as failures. A real run leaves that to the write: such a user makes the batch's
 * first attempt fail, and the retry looks them up (writeChanges), so a batch without conflicts pays no lookups.
 */
export async function planChanges(
  target: pg.Pool,
  users: ImportedUser[],
  skippedIds: string[],
  state: ReadonlyMap<string, TargetUserState>,
  options: { lookUpConflicts: boolean },
): Promise<{ changes: UserChange[]; failures: Failure[]; importedBefore: string[] }> {
  const changes = users.map((rows) => {
    const found = state.get(rows.user.id);
    if (found && !found.present) return gone(rows);
    if (found && found.stored === null) {
      // readTargetState sends the stored fingerprints of every imported user it leaves to be read.
      throw new Error(`user ${rows.user.id} was compared without its stored fingerprints`);
    }
    const change = compare(rows, found?.stored ?? undefined);
    change.refreshRecord = change.status === "unchanged" && found?.digest !== rows.digest;
    return change;
  });
  const failures = options.lookUpConflicts ? await findTargetConflicts(target, changes) : [];
  const failed = new Set(failures.map((failure) => failure.id));
  return {
    changes: changes.filter((change) => !failed.has(change.rows.user.id)),
    failures,
    // Skipped now, migrated by an earlier run (e.g. deleted in Supabase since): reported, never deleted here.
    importedBefore: skippedIds.filter((id) => state.has(id)),
  };
}

function gone(rows: ImportedUser): UserChange {
  const fingerprints = fingerprintsOf(rows);
  return {
    rows,
    fingerprints,
    xor: fingerprintXor(fingerprints),
    status: "gone",
    writeUser: false,
    upsertAccounts: [],
    deleteAccounts: [],
    profile: null,
    refreshRecord: false,
  };
}

function compare(rows: ImportedUser, before: Fingerprints | undefined): UserChange {
  const now = fingerprintsOf(rows);
  const upsertAccounts = rows.accounts.filter(
    (account) => before?.accounts[accountKey(account)] !== now.accounts[accountKey(account)],
  );
  const deleteAccounts = Object.keys(before?.accounts ?? {})
    .filter((key) => !(key in now.accounts))
    .map((key) => {
      const [providerId, accountId] = JSON.parse(key) as [string, string];
      return { providerId, accountId, userId: rows.user.id };
    });
  const profile = now.profile !== before?.profile ? (now.profile === undefined ? "delete" : "upsert") : null;
  const writeUser = before?.user !== now.user;
  const changed = writeUser || upsertAccounts.length > 0 || deleteAccounts.length > 0 || profile !== null;
  return {
    rows,
    fingerprints: now,
    xor: fingerprintXor(now),
    status: before === undefined ? "create" : changed ? "update" : "unchanged",
    writeUser,
    upsertAccounts,
    deleteAccounts,
    profile,
    refreshRecord: false,
  };
}

/** Users whose e-mail or linked login already belongs to another user in the target (e.g. one who signed up there). */
export async function findTargetConflicts(
  target: pg.Pool | pg.PoolClient,
  changes: UserChange[],
): Promise<Failure[]> {
  const writing = changes.filter((change) => change.writeUser || change.upsertAccounts.length > 0);
  if (writing.length === 0) return [];
  // Lists travel as JSON text (node-postgres escapes array parameters element by element, which costs more).
  // One index lookup per value (LATERAL … LIMIT 1 keeps the planner from hashing the whole table instead, which
  // would make every batch cost as much as the table is large).
  const emails = await target.query<{ id: string; email: string }>(
    `SELECT u.id, u.email FROM json_array_elements_text($1::json) AS e(email)
       CROSS JOIN LATERAL (SELECT id, email FROM "user" WHERE email = e.email LIMIT 1) u`,
    [JSON.stringify(writing.map((change) => change.rows.user.email))],
  );
  const emailOwner = new Map(emails.rows.map((row) => [row.email, row.id]));
  const accounts = writing.flatMap((change) => change.upsertAccounts);
  const owners = await target.query<{ providerId: string; accountId: string; userId: string }>(
    `SELECT a."providerId", a."accountId", a."userId"
       FROM json_to_recordset($1::json) AS k(provider_id text, account_id text)
       CROSS JOIN LATERAL (SELECT "providerId", "accountId", "userId" FROM account
                            WHERE "providerId" = k.provider_id AND "accountId" = k.account_id LIMIT 1) a`,
    [JSON.stringify(accounts.map((a) => ({ provider_id: a.providerId, account_id: a.accountId })))],
  );
  const accountOwner = new Map(owners.rows.map((row) => [accountKey(row), row.userId]));
  const failures: Failure[] = [];
  for (const change of writing) {
    const id = change.rows.user.id;
    const owner = emailOwner.get(change.rows.user.email);
    if (owner !== undefined && owner !== id) {
      failures.push({
        id,
        reason: "email_taken_in_target",
        message: `another target user (${owner}) already has this e-mail`,
      });
      continue;
    }
    const taken = change.upsertAccounts.find((a) => (accountOwner.get(accountKey(a)) ?? id) !== id);
    if (taken) {
      failures.push({
        id,
        reason: "account_taken_in_target",
        message: `the ${taken.providerId} login ${taken.accountId} belongs to another target user (${accountOwner.get(accountKey(taken))})`,
      });
    }
  }
  return failures;
}
