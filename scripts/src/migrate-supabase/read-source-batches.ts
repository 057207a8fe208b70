import type pg from "pg";
import type { SourceShape } from "./inspect-source.js";
import { readInUtc } from "./read-in-utc.js";
import type { SourcePage } from "./read-target-state.js";

/**
 * The version of the mapping from Supabase rows to target rows and of the report facts (map-users.ts). It is part of every source digest: raise it whenever either changes, and the next run compares
 * every user in full again instead of trusting digests taken under the old mapping.
 */
export const MAPPING_VERSION = "3";

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
         FROM (${buildUsersQuery(shape, "u.id BETWEEN $1 AND $2", ["$1", "$2"], "$3")}) d`,
      [range.first, range.last, MAPPING_VERSION],
    );
    return rows[0] ?? { n: 0, ids: "{}", digests: "{}" };
  });
}

const PROFILE_COLUMNS = `full_name, avatar_url, software_background, hardware_background, programming_languages,
                  robotics_experience, learning_goals, preferred_language, created_at, updated_at`;

/**
 * The users query, each row with its digest, every column cast to the type of the staging table it is copied into
 * (staging.ts: the copy is binary, which names no types), while the digest hashes the columns as Supabase has them: a 64-bit hash (`hash_record_extended`, PostgreSQL ≥ 14) over the
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
  version: string,
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
  return `SELECT b.id::uuid, b.email::text, b.encrypted_password::text, b.email_confirmed_at::timestamptz,
       b.invited_at::timestamptz, b.phone::text, b.raw_user_meta_data::jsonb, b.active_ban_until::timestamptz,
       b.deleted_at::timestamptz, b.is_anonymous::boolean, b.last_sign_in_at::timestamptz, b.created_at::timestamptz,
       b.updated_at::timestamptz, m.user_id IS NOT NULL AS has_mfa,
       hash_record_extended(row(${version}::text, b.*, p.h, i.h, m.user_id IS NOT NULL), 0)::text AS digest
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
