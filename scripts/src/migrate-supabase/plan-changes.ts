import type pg from "pg";
import { accountKey, type Fingerprints, fingerprintsOf } from "./fingerprint.js";
import type { TargetUserState } from "./read-target-state.js";
import type { MigratedUser, TargetAccount } from "./types.js";

/** What must be written for one migrated user. */
export interface UserChange {
  rows: MigratedUser;
  fingerprints: Fingerprints;
  /** `gone`: imported earlier and deleted on the target since (the user deleted their account): never re-created. */
  status: "create" | "update" | "unchanged" | "gone";
  writeUser: boolean;
  upsertAccounts: TargetAccount[];
  deleteAccounts: { providerId: string; accountId: string; userId: string }[];
  profile: "upsert" | "delete" | null;
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
 */
export async function planChanges(
  target: pg.Pool,
  users: MigratedUser[],
  skippedIds: string[],
  state: ReadonlyMap<string, TargetUserState>,
): Promise<{ changes: UserChange[]; failures: Failure[]; importedBefore: string[] }> {
  const before = new Map([...state].map(([id, user]) => [id, user.stored]));
  const changes = users.map((rows) => {
    const found = state.get(rows.user.id);
    return found && found.user === null ? gone(rows) : compare(rows, found?.stored);
  });
  const failures = await findTargetConflicts(target, changes);
  const failed = new Set(failures.map((failure) => failure.id));
  return {
    changes: changes.filter((change) => !failed.has(change.rows.user.id)),
    failures,
    // Skipped now, migrated by an earlier run (e.g. deleted in Supabase since): reported, never deleted here.
    importedBefore: skippedIds.filter((id) => before.has(id)),
  };
}

function gone(rows: MigratedUser): UserChange {
  return {
    rows,
    fingerprints: fingerprintsOf(rows),
    status: "gone",
    writeUser: false,
    upsertAccounts: [],
    deleteAccounts: [],
    profile: null,
  };
}

function compare(rows: MigratedUser, before: Fingerprints | undefined): UserChange {
  const now = fingerprintsOf(rows);
  const upsertAccounts = rows.accounts.filter(
    (account) => before?.a[accountKey(account)] !== now.a[accountKey(account)],
  );
  const deleteAccounts = Object.keys(before?.a ?? {})
    .filter((key) => !(key in now.a))
    .map((key) => {
      const [providerId, accountId] = JSON.parse(key) as [string, string];
      return { providerId, accountId, userId: rows.user.id };
    });
  const profile = now.p !== before?.p ? (now.p === undefined ? "delete" : "upsert") : null;
  const writeUser = before?.u !== now.u;
  const changed = writeUser || upsertAccounts.length > 0 || deleteAccounts.length > 0 || profile !== null;
  return {
    rows,
    fingerprints: now,
    status: before === undefined ? "create" : changed ? "update" : "unchanged",
    writeUser,
    upsertAccounts,
    deleteAccounts,
    profile,
  };
}

/** Users whose e-mail or linked login already belongs to another user in the target (e.g. one who signed up there). */
async function findTargetConflicts(target: pg.Pool, changes: UserChange[]): Promise<Failure[]> {
  const writing = changes.filter((change) => change.writeUser || change.upsertAccounts.length > 0);
  if (writing.length === 0) return [];
  // One index lookup per value (LATERAL … LIMIT 1 keeps the planner from hashing the whole table instead, which
  // would make every batch cost as much as the table is large).
  const emails = await target.query<{ id: string; email: string }>(
    `SELECT u.id, u.email FROM unnest($1::text[]) AS e(email)
       CROSS JOIN LATERAL (SELECT id, email FROM "user" WHERE email = e.email LIMIT 1) u`,
    [writing.map((change) => change.rows.user.email)],
  );
  const emailOwner = new Map(emails.rows.map((row) => [row.email, row.id]));
  const accounts = writing.flatMap((change) => change.upsertAccounts);
  const owners = await target.query<{ providerId: string; accountId: string; userId: string }>(
    `SELECT a."providerId", a."accountId", a."userId" FROM unnest($1::text[], $2::text[]) AS k(p, i)
       CROSS JOIN LATERAL (SELECT "providerId", "accountId", "userId" FROM account
                            WHERE "providerId" = k.p AND "accountId" = k.i LIMIT 1) a`,
    [accounts.map((a) => a.providerId), accounts.map((a) => a.accountId)],
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
