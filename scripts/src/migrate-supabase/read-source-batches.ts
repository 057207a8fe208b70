import type pg from "pg";
import type { SourceShape } from "./inspect-source.js";
import { RAW_TIMESTAMPS } from "./raw-timestamps.js";
import { readInUtc } from "./read-in-utc.js";
import type { SourcePage } from "./read-target-state.js";
import type { SourceIdentity, SourceProfile, SourceUser } from "./types.js";

interface UserRow {
  id: string;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  invited_at: string | null;
  phone: string | null;
  raw_user_meta_data: Record<string, unknown> | null;
  active_ban_until: string | null;
  deleted_at: string | null;
  is_anonymous: boolean;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  digest: string;
}

/**
 * The version of the mapping from Supabase rows to target rows (classify-user.ts, map-profile.ts) and of the report
 * facts (report.ts). It is part of every source digest: raise it whenever either changes, and the next run compares
 * every user in full again instead of trusting digests taken under the old mapping.
 */
export const MAPPING_VERSION = "2";

/**
 * Streams the ids of `auth.users` in id order, a page at a time (keyset pagination: each page starts after the last
 * id, so memory holds one page whatever the number of users, and no cursor or transaction stays open). Only ids,
 * from the primary key: the digests of a page are read by its batch (readSourceDigests), so several pages' digests
 * are computed at once.
 */
export async function* readSourcePages(source: pg.Pool, pageSize: number): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const { rows }: pg.QueryResult<{ id: string }> = await source.query(
      "SELECT id FROM auth.users WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2",
      [after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.id);
    if (rows.length < pageSize) return;
    after = rows.at(-1)?.id ?? null;
  }
}

/**
 * The users whose ids are between `first` and `last` (a page's), each with the digest that the Supabase server
 * computes over every source value the mapping reads for that user: as two PostgreSQL array literals in id order,
 * which the command passes on to the target as they are (readTargetState), never parsing a row per user.
 */
export function readSourceDigests(
  source: pg.Pool,
  shape: SourceShape,
  range: { first: string; last: string },
): Promise<SourcePage> {
  return readInUtc(source, async (client) => {
    const { rows } = await client.query<SourcePage>(
      `SELECT count(*)::int AS n, coalesce(array_agg(id ORDER BY id), '{}')::text AS ids,
              coalesce(array_agg(digest ORDER BY id), '{}')::text AS digests
         FROM (${buildUsersQuery(shape, "u.id BETWEEN $1 AND $2", ["$1", "$2"], 3)}) d`,
      [range.first, range.last, MAPPING_VERSION],
    );
    return rows[0] ?? { n: 0, ids: "{}", digests: "{}" };
  });
}

/**
 * Which users to read in full: a page's id range, and within it either everyone or a list of ids (the changed users
 * of a page).
 */
export interface UserSelection {
  first: string;
  last: string;
  ids?: string[];
}

/**
 * Reads the selected users in full, each with its identities, profile, MFA status and the digest of those rows, all
 * in one snapshot: the digest stored with a user's import is always that of the rows it was mapped from.
 */
export function readSourceUsers(
  source: pg.Pool,
  shape: SourceShape,
  selection: UserSelection,
): Promise<SourceUser[]> {
  return readInUtc(source, async (client) => {
    const where = (column: string): Where =>
      selection.ids
        ? {
            sql: `${column} BETWEEN $1 AND $2 AND ${column} IN (SELECT json_array_elements_text($3::json)::uuid)`,
            values: [selection.first, selection.last, JSON.stringify(selection.ids)],
          }
        : { sql: `${column} BETWEEN $1 AND $2`, values: [selection.first, selection.last] };
    const filter = where("u.id");
    const users: pg.QueryResult<UserRow> = await client.query({
      text: buildUsersQuery(shape, filter.sql, ["$1", "$2"], filter.values.length + 1),
      values: [...filter.values, MAPPING_VERSION],
      types: RAW_TIMESTAMPS,
    });
    if (users.rows.length === 0) return [];
    const profiles = await readProfiles(client, shape, where("id"));
    const identities = await readIdentities(client, shape, where("user_id"));
    const mfaUsers = await readMfaUsers(client, shape, where("user_id"));
    return users.rows.map((row) => ({
      ...toSourceUser(row),
      profile: profiles.get(row.id) ?? null,
      identities: identities.get(row.id) ?? [],
      hasMfa: mfaUsers.has(row.id),
    }));
  });
}

type Where = { sql: string; values: unknown[] };

const PROFILE_COLUMNS = `full_name, avatar_url, software_background, hardware_background, programming_languages,
                  robotics_experience, learning_goals, preferred_language, created_at, updated_at`;

/**
 * The users query, each row with its digest: a 64-bit hash (`hash_record_extended`, PostgreSQL ≥ 14) over the
 * mapping's version and every value read for the user, hashed from the values' binary form, with a user's identities
 * combined by count and XOR: hashing the binary form spares the Supabase server printing every timestamp and JSON
 * document as text, which an MD5 of the text form spent most of a rerun's time on. The digest only decides which users a rerun re-reads: two different versions of a user's rows that
 * hash alike (odds of 2^-64 a change) would be trusted as unchanged, and --full-compare compares everyone whatever
 * their digests. The same column lists feed the digest and the rows, so a value the mapping reads cannot be left out
 * of the digest by accident.
 * `range` bounds the batch (SQL expressions): profiles, identities and factors are read by that range once and
 * joined, never looked up user by user (one index descent per user costs more than one range read) nor joined without it (the planner then scans the
 * joined table from its start on every batch). Run it with NO_NESTED_LOOPS (read-in-utc.ts).
 */
export function buildUsersQuery(
  shape: SourceShape,
  where: string,
  range: [string, string],
  versionParam: number,
): string {
  const [first, last] = range;
  const column = (name: string, fallback: string) => (shape.userColumns.has(name) ? `u.${name}` : fallback);
  const subject = shape.identitySubjectColumn;
  const profiles = shape.hasProfiles
    ? `LEFT JOIN (SELECT id, hash_record_extended(row(${PROFILE_COLUMNS}), 0) AS h FROM public.profiles
                   WHERE id BETWEEN ${first} AND ${last}) p ON p.id = b.id`
    : "LEFT JOIN (SELECT NULL::uuid AS id, NULL::bigint AS h) p ON false";
  const mfa = shape.hasMfaFactors
    ? `LEFT JOIN (SELECT DISTINCT user_id FROM auth.mfa_factors
                   WHERE status = 'verified' AND user_id BETWEEN ${first} AND ${last}) m ON m.user_id = b.id`
    : "LEFT JOIN (SELECT NULL::uuid AS user_id) m ON false";
  return `SELECT b.*, hash_record_extended(row($${versionParam}::text, b.*, p.h, i.h, m.user_id IS NOT NULL), 0)::text AS digest
  FROM (SELECT u.id, u.email, u.encrypted_password, u.email_confirmed_at, ${column("invited_at", "NULL")} AS invited_at,
       ${column("phone", "NULL")}::text AS phone, u.raw_user_meta_data,
       CASE WHEN ${column("banned_until", "NULL")} > now() THEN ${column("banned_until", "NULL")} END AS active_ban_until,
       ${column("deleted_at", "NULL::timestamptz")} AS deleted_at, ${column("is_anonymous", "false")} AS is_anonymous,
       u.last_sign_in_at, u.created_at, u.updated_at
  FROM auth.users u
 WHERE ${where}) b
  ${profiles}
  LEFT JOIN (SELECT user_id, count(*) || ':' || bit_xor(hash_record_extended(row(provider, ${subject}::text,
                                                                                created_at, updated_at), 0)) AS h
               FROM auth.identities WHERE user_id BETWEEN ${first} AND ${last} GROUP BY user_id) i ON i.user_id = b.id
  ${mfa}
 ORDER BY b.id`;
}

// Profiles, identities and factors are read by the batch's id range, never joined to a keyset query: a join lets
// the planner scan the joined table from its start on every batch, which grows with the number of users.
async function readProfiles(
  source: pg.PoolClient,
  shape: SourceShape,
  where: Where,
): Promise<Map<string, SourceProfile>> {
  if (!shape.hasProfiles) return new Map();
  const { rows } = await source.query<SourceProfile & { id: string }>({
    text: `SELECT id, ${PROFILE_COLUMNS} FROM public.profiles WHERE ${where.sql}`,
    values: where.values,
    types: RAW_TIMESTAMPS,
  });
  return new Map(rows.map(({ id, ...profile }) => [id, profile]));
}

async function readIdentities(
  source: pg.PoolClient,
  shape: SourceShape,
  where: Where,
): Promise<Map<string, SourceIdentity[]>> {
  const { rows } = await source.query<{
    user_id: string;
    provider: string;
    subject: string;
    created_at: string | null;
    updated_at: string | null;
  }>({
    text: `SELECT user_id, provider, ${shape.identitySubjectColumn}::text AS subject, created_at, updated_at
             FROM auth.identities WHERE ${where.sql} ORDER BY user_id, provider, ${shape.identitySubjectColumn}`,
    values: where.values,
    types: RAW_TIMESTAMPS,
  });
  const byUser = new Map<string, SourceIdentity[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({
      provider: row.provider,
      providerId: row.subject,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

async function readMfaUsers(source: pg.PoolClient, shape: SourceShape, where: Where) {
  if (!shape.hasMfaFactors) return new Set<string>();
  const { rows } = await source.query<{ user_id: string }>(
    `SELECT DISTINCT user_id FROM auth.mfa_factors WHERE status = 'verified' AND ${where.sql}`,
    where.values,
  );
  return new Set(rows.map((row) => row.user_id));
}

function toSourceUser(row: UserRow): Omit<SourceUser, "profile" | "identities" | "hasMfa"> {
  return {
    id: row.id,
    digest: row.digest,
    email: row.email,
    encryptedPassword: row.encrypted_password,
    emailConfirmedAt: row.email_confirmed_at,
    invitedAt: row.invited_at,
    phone: row.phone,
    userMetadata: row.raw_user_meta_data,
    activeBanUntil: row.active_ban_until,
    deletedAt: row.deleted_at,
    isAnonymous: row.is_anonymous,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
