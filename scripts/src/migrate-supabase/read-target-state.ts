import type pg from "pg";
import type { Fingerprints } from "./fingerprint.js";
import { readInUtc } from "./read-in-utc.js";

/** One part as the target holds it: its fingerprint, and whether it changed there after its import. */
export interface FoundPart {
  fingerprint: string;
  changedAfterImport: boolean;
}

/** What the target holds for one imported user. */
export interface TargetUserState {
  /** The fingerprints this migration stored when it last wrote the user. */
  stored: Fingerprints;
  user: FoundPart | null;
  /** By accountKey(); `bcrypt` tells whether the stored password is still a bcrypt hash. */
  accounts: Record<string, FoundPart & { bcrypt: boolean }>;
  profile: FoundPart | null;
}

// The fingerprints computed by PostgreSQL, column for column the canonical form of fingerprint.ts: jsonb text,
// timestamps as text in UTC. Each imported user's rows are found by key (index lookups), never by scanning.
const TARGET_STATE = String.raw`
SELECT s.user_id, s.fingerprints,
       CASE WHEN u.id IS NOT NULL THEN jsonb_build_array(
         md5(jsonb_build_array(u.id, u.name, u.email, u."emailVerified", u.image, u."createdAt"::text,
                               u."updatedAt"::text, u.banned, u."banReason", u."banExpires"::text)::text),
         u."updatedAt" > s.imported_at) END AS user,
       (SELECT coalesce(jsonb_object_agg(jsonb_build_array(a."providerId", a."accountId")::text, jsonb_build_array(
                 md5(jsonb_build_array(a."providerId", a."accountId", a."userId", a.password, a."createdAt"::text,
                                       a."updatedAt"::text)::text),
                 a."updatedAt" > s.imported_at,
                 coalesce(a.password ~ '^\$2[aby]?\$\d\d\$', false))), '{}')
          FROM account a WHERE a."userId" = s.user_id) AS accounts,
       (SELECT jsonb_build_array(
                 md5(jsonb_build_array(p.user_id, p.display_name, p.avatar_url, p.software_background,
                                       p.hardware_background, p.programming_languages, p.robotics_experience,
                                       p.learning_goals, p.preferred_language, p.created_at::text,
                                       p.updated_at::text)::text),
                 p.updated_at > s.imported_at)
          FROM profile p WHERE p.user_id = s.user_id) AS profile
  FROM supabase_import s LEFT JOIN "user" u ON u.id = s.user_id
 WHERE s.user_id BETWEEN $1 AND $2`;

type Pair = [string, boolean];

/** Reads, for every user imported in the id range, its stored fingerprints and those of its rows as they are now. */
export async function readTargetState(
  target: pg.Pool,
  range: { first: string; last: string },
): Promise<Map<string, TargetUserState>> {
  const { rows } = await readInUtc(target, (client) =>
    client.query<{
      user_id: string;
      fingerprints: Fingerprints;
      user: Pair | null;
      accounts: Record<string, [string, boolean, boolean]>;
      profile: Pair | null;
    }>(TARGET_STATE, [range.first, range.last]),
  );
  const part = (pair: Pair | null): FoundPart | null =>
    pair ? { fingerprint: pair[0], changedAfterImport: pair[1] } : null;
  return new Map(
    rows.map((row) => [
      row.user_id,
      {
        stored: row.fingerprints,
        user: part(row.user),
        accounts: Object.fromEntries(
          Object.entries(row.accounts).map(([key, [fingerprint, changedAfterImport, bcrypt]]) => [
            key,
            { fingerprint, changedAfterImport, bcrypt },
          ]),
        ),
        profile: part(row.profile),
      },
    ]),
  );
}
