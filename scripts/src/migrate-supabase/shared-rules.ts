import type pg from "pg";

/**
 * The rules both databases apply, Supabase to find e-mail conflicts among the users it would migrate
 * (find-email-conflicts.ts) and the target to map them (map-users.ts), each written once as SQL.
 */

/**
 * Why a user is not migrated, before e-mail conflicts (SQL; NULL for a user it migrates), from SQL expressions for
 * its columns: soft-deleted, anonymous, or without an e-mail to sign in with (phone-only when it has a phone, as this
 * platform has no phone sign-in).
 */
export const skipReason = (user: {
  deletedAt: string;
  isAnonymous: string;
  email: string;
  phone: string;
}) => `CASE
  WHEN ${user.deletedAt} IS NOT NULL THEN 'deleted'
  WHEN coalesce(${user.isAnonymous}, false) THEN 'anonymous'
  WHEN NOT ${hasText(user.email)} THEN CASE WHEN coalesce(${user.phone}, '') <> '' THEN 'phone_only' ELSE 'no_email' END
  END`;

/**
 * Text a person could sign in with or be called by: at least one character that is not white space. The class is
 * JavaScript's white space (what `trim()` removes), written out so it means the same whatever the database's locale.
 */
export const hasText = (text: string) =>
  `coalesce(${text} ~ '[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]', false)`;

/** An e-mail as Better Auth looks it up: lower-cased, in `collation` (emailCollation). */
export const lowerEmail = (email: string, collation: string) => `lower(${email} COLLATE ${collation})`;

/**
 * The collation a database lower-cases e-mails in: ICU's root locale when the server has ICU (Supabase, Neon,
 * Debian's PostgreSQL and the embedded one do), whose lower-casing is Unicode's, as JavaScript's `toLowerCase`
 * (and so Better Auth's) is; else the database's default, which agrees with it on every e-mail whose letters are
 * ASCII.
 */
export async function emailCollation(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu' AND collprovider = 'i') AS present`,
  );
  return rows[0]?.present ? `"und-x-icu"` : `"default"`;
}
