import type pg from "pg";
import type { SourceShape } from "./inspect-source.js";
import { RAW_TIMESTAMPS } from "./raw-timestamps.js";
import { readInUtc } from "./read-in-utc.js";
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
export const MAPPING_VERSION = "1";

/** One page of `auth.users` in id order: every user's id and the digest of all its source rows. */
export interface SourceDigest {
  id: string;
  digest: string;
}

/**
 * Streams the ids of `auth.users` in id order, a page at a time, each with a digest (or '' when `withDigests` is off) that the Supabase server
 * computes over every source value the mapping reads for that user (keyset pagination: each query starts after the
 * last id, so memory holds one page whatever the number of users, and no cursor or transaction stays open).
 */
export async function* readSourceDigests(
  source: pg.Pool,
  shape: SourceShape,
  pageSize: number,
  options: { withDigests: boolean },
): AsyncGenerator<SourceDigest[]> {
  const keyset = "($1::uuid IS NULL OR u.id > $1::uuid)";
  // Without digests (a first run: nothing to compare them with), a page is only ids, read from the primary key.
  const sql = options.withDigests
    ? `SELECT id, digest FROM (${buildUsersQuery(shape, keyset, "LIMIT $2")}) d`
    : `SELECT u.id, '' AS digest FROM auth.users u WHERE ${keyset} ORDER BY u.id LIMIT $2`;
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const page: SourceDigest[] = await readInUtc(source, async (client) => {
      const values = options.withDigests ? [cursor, pageSize, MAPPING_VERSION] : [cursor, pageSize];
      const { rows } = await client.query<SourceDigest>(sql, values);
      return rows;
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)?.id ?? null;
  }
}

/** Which users to read in full: an id range (a whole page) or a list of ids (the changed users of a page). */
export type UserSelection = { first: string; last: string } | { ids: string[] };

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
    const where = (column: string) =>
      "ids" in selection
        ? {
            sql: `${column} IN (SELECT json_array_elements_text($1::json)::uuid)`,
            values: [JSON.stringify(selection.ids)],
          }
        : { sql: `${column} BETWEEN $1 AND $2`, values: [selection.first, selection.last] };
    const filter = where("u.id");
    const users: pg.QueryResult<UserRow> = await client.query({
      text: buildUsersQuery(shape, filter.sql, "", filter.values.length + 1),
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
 * combined by count and XOR. It replaced an MD5 of the rows' text form, which spent most of a rerun's time on the
 * Supabase server printing timestamps and JSON (103 against 63 ms a batch of 2,000 at 1,000,000 users; see
 * BENCHMARKS.md). The digest only decides which users a rerun re-reads: two different versions of a user's rows that
 * hash alike (odds of 2^-64 a change) would be trusted as unchanged, and --full-compare compares everyone whatever
 * their digests. The same column lists feed the digest and the rows, so a value the mapping reads cannot be left out
 * of the digest by accident.
 */
function buildUsersQuery(shape: SourceShape, where: string, limit: string, versionParam = 3): string {
  const column = (name: string, fallback: string) => (shape.userColumns.has(name) ? `u.${name}` : fallback);
  const subject = shape.identitySubjectColumn;
  const profile = shape.hasProfiles
    ? `(SELECT hash_record_extended(row(${PROFILE_COLUMNS}), 0) FROM public.profiles p WHERE p.id = b.id)`
    : "NULL::bigint";
  const mfa = shape.hasMfaFactors
    ? // A scalar subquery, not EXISTS: PostgreSQL may run an EXISTS as one scan of the whole table per query.
      "(SELECT true FROM auth.mfa_factors f WHERE f.user_id = b.id AND f.status = 'verified' LIMIT 1) IS NOT NULL"
    : "false";
  return `SELECT b.*, hash_record_extended(row($${versionParam}::text, b.*, ${profile},
         (SELECT count(*) || ':' || bit_xor(hash_record_extended(row(i.provider, i.${subject}::text, i.created_at,
                                                                   i.updated_at), 0))
            FROM auth.identities i WHERE i.user_id = b.id),
         ${mfa}), 0)::text AS digest
  FROM (SELECT u.id, u.email, u.encrypted_password, u.email_confirmed_at, ${column("invited_at", "NULL")} AS invited_at,
       ${column("phone", "NULL")}::text AS phone, u.raw_user_meta_data,
       CASE WHEN ${column("banned_until", "NULL")} > now() THEN ${column("banned_until", "NULL")} END AS active_ban_until,
       ${column("deleted_at", "NULL::timestamptz")} AS deleted_at, ${column("is_anonymous", "false")} AS is_anonymous,
       u.last_sign_in_at, u.created_at, u.updated_at
  FROM auth.users u
 WHERE ${where}
 ORDER BY u.id
 ${limit}) b
 ORDER BY b.id`;
}

// Profiles, identities and factors are read by the batch's id range, never joined to the keyset query: a join
// lets the planner scan the joined table from its start on every batch, which grows with the number of users.
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
