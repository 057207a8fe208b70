import type pg from "pg";
import type { SourceShape } from "./inspect-source.js";
import { emailCollation, lowerEmail, skipReason } from "./shared-rules.js";

/** SQL condition for users that could be migrated at all (skipReason, shared-rules.ts, before e-mail conflicts). */
export function eligibleCondition(shape: SourceShape): string {
  const column = (name: string, fallback: string) => (shape.userColumns.has(name) ? name : fallback);
  const reason = skipReason({
    deletedAt: column("deleted_at", "NULL::timestamptz"),
    isAnonymous: column("is_anonymous", "false"),
    email: "email::text",
    phone: column("phone", "NULL::text"),
  });
  return `${reason} IS NULL`;
}

/**
 * Finds users whose e-mails differ only in case, lower-cased as the mapping does (shared-rules.ts) (Supabase's unique index is case-sensitive and ignores SSO users;
 * here e-mails are unique lower-cased). In each group the confirmed, most recently signed-in user wins; the map
 * sends every other user's id to the winner's. Such groups are rare, so the map stays small.
 */
export async function findEmailConflicts(source: pg.Pool, shape: SourceShape): Promise<Map<string, string>> {
  const collation = await emailCollation(source);
  const { rows } = await source.query<{ id: string; winner: string }>(
    `WITH eligible AS (
       SELECT id, ${lowerEmail("email", collation)} AS key, email_confirmed_at, last_sign_in_at, created_at
         FROM auth.users WHERE ${eligibleCondition(shape)}
     ), duplicated AS (
       SELECT key FROM eligible GROUP BY key HAVING count(*) > 1
     ), ranked AS (
       SELECT e.id, first_value(e.id) OVER (
                PARTITION BY e.key
                ORDER BY e.email_confirmed_at IS NULL, e.last_sign_in_at DESC NULLS LAST,
                         e.created_at DESC NULLS LAST, e.id) AS winner
         FROM eligible e JOIN duplicated d USING (key)
     )
     SELECT id, winner FROM ranked WHERE id <> winner`,
  );
  return new Map(rows.map((row) => [row.id, row.winner]));
}
