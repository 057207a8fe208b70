import type pg from "pg";
import { RAW_TIMESTAMPS } from "./raw-timestamps.js";
import { readInUtc } from "./read-in-utc.js";
import type { TargetAccount, TargetProfile, TargetUser } from "./types.js";

/** A row as it is in the target, and whether it changed there after this migration last wrote its user. */
export interface Found<T> {
  row: T;
  changedAfterImport: boolean;
}

export interface TargetRows {
  users: Map<string, Found<TargetUser>>;
  /** By user id, then accountKey(). */
  accounts: Map<string, Found<TargetAccount>[]>;
  profiles: Map<string, Found<TargetProfile>>;
}

type WithChange = { changed_after_import: boolean | null };

/** No rows yet. */
export function emptyTargetRows(): TargetRows {
  return { users: new Map(), accounts: new Map(), profiles: new Map() };
}

/** Adds the rows of `more` to `into`. */
export function mergeTargetRows(into: TargetRows, more: TargetRows): TargetRows {
  for (const [id, user] of more.users) into.users.set(id, user);
  for (const [id, accounts] of more.accounts)
    into.accounts.set(id, [...(into.accounts.get(id) ?? []), ...accounts]);
  for (const [id, profile] of more.profiles) into.profiles.set(id, profile);
  return into;
}

/**
 * Reads back the target rows of `ids`, with the same columns the migration writes. It scans the id range of the
 * batch (an ordered index range, cheaper than one lookup per id) and keeps the rows of `ids`.
 */
export async function readTargetRows(target: pg.Pool, ids: string[]): Promise<TargetRows> {
  if (ids.length === 0) return emptyTargetRows();
  const wanted = new Set(ids);
  // Lower-case hex uuids sort as text in the same order PostgreSQL sorts the uuid values.
  const sorted = [...ids].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  const [users, accounts, profiles] = await readInUtc(target, async (client) => {
    const query = <T>(text: string) =>
      client
        .query<T & WithChange>({ text, values: [first, last], types: RAW_TIMESTAMPS })
        .then((r) => r.rows);
    return [
      await query<TargetUser>(
        `SELECT u.id, u.name, u.email, u."emailVerified", u.image, u."createdAt", u."updatedAt", u.role, u.banned,
              u."banReason", u."banExpires", u."updatedAt" > s.imported_at AS changed_after_import
         FROM "user" u LEFT JOIN supabase_import s ON s.user_id = u.id AND s.user_id BETWEEN $1 AND $2 WHERE u.id BETWEEN $1 AND $2`,
      ),
      await query<TargetAccount>(
        `SELECT a."providerId", a."accountId", a."userId", a.password, a."createdAt", a."updatedAt",
              a."updatedAt" > s.imported_at AS changed_after_import
         FROM account a LEFT JOIN supabase_import s ON s.user_id = a."userId" AND s.user_id BETWEEN $1 AND $2 WHERE a."userId" BETWEEN $1 AND $2`,
      ),
      await query<TargetProfile>(
        `SELECT p.user_id, p.display_name, p.avatar_url, p.software_background, p.hardware_background,
              p.programming_languages, p.robotics_experience, p.learning_goals, p.preferred_language,
              p.created_at, p.updated_at, p.updated_at > s.imported_at AS changed_after_import
         FROM profile p LEFT JOIN supabase_import s ON s.user_id = p.user_id AND s.user_id BETWEEN $1 AND $2 WHERE p.user_id BETWEEN $1 AND $2`,
      ),
    ] as const;
  });
  const found = <T>(row: T & WithChange): Found<T> => {
    const { changed_after_import, ...rest } = row;
    return { row: rest as T, changedAfterImport: changed_after_import === true };
  };
  const accountsByUser = new Map<string, Found<TargetAccount>[]>();
  for (const account of accounts) {
    if (!wanted.has(account.userId)) continue;
    const list = accountsByUser.get(account.userId) ?? [];
    list.push(found(account));
    accountsByUser.set(account.userId, list);
  }
  return {
    users: new Map(users.filter((row) => wanted.has(row.id)).map((row) => [row.id, found(row)])),
    accounts: accountsByUser,
    profiles: new Map(
      profiles.filter((row) => wanted.has(row.user_id)).map((row) => [row.user_id, found(row)]),
    ),
  };
}
