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
}

/**
 * Streams `auth.users` in id order, one batch at a time (keyset pagination: each query starts after the last id,
 * so memory holds one batch whatever the number of users, and no cursor or transaction stays open on Supabase).
 * Each batch comes with its users' identities, profile and MFA status, all read in one snapshot.
 */
export async function* readSourceBatches(
  source: pg.Pool,
  shape: SourceShape,
  batchSize: number,
): AsyncGenerator<SourceUser[]> {
  const usersSql = buildUsersQuery(shape);
  let after: string | null = null;
  for (;;) {
    const cursor = after;
    const batch = await readInUtc(source, async (client) => {
      const users: pg.QueryResult<UserRow> = await client.query({
        text: usersSql,
        values: [cursor, batchSize],
        types: RAW_TIMESTAMPS,
      });
      const first = users.rows[0]?.id;
      const last = users.rows.at(-1)?.id;
      if (first === undefined || last === undefined) return [];
      const profiles = await readProfiles(client, shape, first, last);
      const identities = await readIdentities(client, shape, first, last);
      const mfaUsers = await readMfaUsers(client, shape, first, last);
      return users.rows.map((row) => ({
        ...toSourceUser(row),
        profile: profiles.get(row.id) ?? null,
        identities: identities.get(row.id) ?? [],
        hasMfa: mfaUsers.has(row.id),
      }));
    });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)?.id ?? null;
  }
}

function buildUsersQuery(shape: SourceShape): string {
  const column = (name: string, fallback: string) => (shape.userColumns.has(name) ? `u.${name}` : fallback);
  return `SELECT u.id, u.email, u.encrypted_password, u.email_confirmed_at, ${column("invited_at", "NULL")} AS invited_at,
       ${column("phone", "NULL")}::text AS phone, u.raw_user_meta_data,
       CASE WHEN ${column("banned_until", "NULL")} > now() THEN ${column("banned_until", "NULL")} END AS active_ban_until,
       ${column("deleted_at", "NULL::timestamptz")} AS deleted_at, ${column("is_anonymous", "false")} AS is_anonymous,
       u.last_sign_in_at, u.created_at, u.updated_at
  FROM auth.users u
 WHERE $1::uuid IS NULL OR u.id > $1::uuid
 ORDER BY u.id
 LIMIT $2`;
}

// Profiles, identities and factors are read by the batch's id range, never joined to the keyset query: a join
// lets the planner scan the joined table from its start on every batch, which grows with the number of users.
async function readProfiles(
  source: pg.PoolClient,
  shape: SourceShape,
  first: string,
  last: string,
): Promise<Map<string, SourceProfile>> {
  if (!shape.hasProfiles) return new Map();
  const { rows } = await source.query<SourceProfile & { id: string }>({
    text: `SELECT id, full_name, avatar_url, software_background, hardware_background, programming_languages,
                  robotics_experience, learning_goals, preferred_language, created_at, updated_at
             FROM public.profiles WHERE id BETWEEN $1 AND $2`,
    values: [first, last],
    types: RAW_TIMESTAMPS,
  });
  return new Map(rows.map(({ id, ...profile }) => [id, profile]));
}

async function readIdentities(
  source: pg.PoolClient,
  shape: SourceShape,
  first: string,
  last: string,
): Promise<Map<string, SourceIdentity[]>> {
  const { rows } = await source.query<{
    user_id: string;
    provider: string;
    subject: string;
    created_at: string | null;
    updated_at: string | null;
  }>({
    text: `SELECT user_id, provider, ${shape.identitySubjectColumn}::text AS subject, created_at, updated_at
             FROM auth.identities WHERE user_id BETWEEN $1 AND $2 ORDER BY user_id, provider, ${shape.identitySubjectColumn}`,
    values: [first, last],
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

async function readMfaUsers(source: pg.PoolClient, shape: SourceShape, first: string, last: string) {
  if (!shape.hasMfaFactors) return new Set<string>();
  const { rows } = await source.query<{ user_id: string }>(
    `SELECT DISTINCT user_id FROM auth.mfa_factors WHERE status = 'verified' AND user_id BETWEEN $1 AND $2`,
    [first, last],
  );
  return new Set(rows.map((row) => row.user_id));
}

function toSourceUser(row: UserRow): Omit<SourceUser, "profile" | "identities" | "hasMfa"> {
  return {
    id: row.id,
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
