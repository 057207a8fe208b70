import type pg from "pg";
import type { SourceShape } from "./inspect-source.js";

/** SQL condition for users that could be migrated at all (the same rules as classifyUser). */
export function eligibleCondition(shape: SourceShape): string {
  return [
    shape.userColumns.has("deleted_at") ? "deleted_at IS NULL" : "true",
    shape.userColumns.has("is_anonymous") ? "NOT is_anonymous" : "true",
    "coalesce(email, '') ~ '\\S'",
  ].join(" AND ");
}

/**
 * Finds users whose e-mails differ only in case (Supabase's unique index is case-sensitive and ignores SSO users;
 * here e-mails are unique lower-cased). In each group the confirmed, most recently signed-in user wins; the map
 * sends every other user's id to the winner's. Such groups are rare, so the map stays small.
 */
export async function findEmailConflicts(source: pg.Pool, shape: SourceShape): Promise<Map<string, string>> {
  const { rows } = await source.query<{ id: string; winner: string }>(
    `WITH eligible AS (
       SELECT id, lower(email) AS key, email_confirmed_at, last_sign_in_at, created_at
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
