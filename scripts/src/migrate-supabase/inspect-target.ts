import type pg from "pg";
import { ensure } from "./errors.js";
import { emailCollation } from "./shared-rules.js";

// The tables and columns this command writes: Better Auth's and the profile (0001, 0002), the import records with
// their digests (0004, 0005, 0006), the profile version sequence (0008), the import records' full-word keys (0010)
// and the skip records (0011).
const REQUIRED_MIGRATIONS = ["0001", "0002", "0004", "0005", "0006", "0008", "0010", "0011"];

/** What the mapping needs to know about the target. */
export interface TargetShape {
  /** The collation e-mails are lower-cased in (shared-rules.ts). */
  emailCollation: string;
}

/**
 * Refuses a target that `npm run db:migrate` has not brought up to the tables this command writes, or that this
 * user cannot write (or stage into: the staging tables are temporary tables), and learns its shape.
 */
export async function inspectTarget(target: pg.Pool, variable: string): Promise<TargetShape> {
  const tracking = await target.query<{ present: boolean }>(
    "SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present",
  );
  const notMigrated = `The database in ${variable} is not migrated: run \`npm run db:migrate\` with the same ${variable}, then run this again.`;
  ensure(tracking.rows[0]?.present, notMigrated);
  const applied = await target.query<{ version: string }>("SELECT version FROM schema_migrations");
  const versions = new Set(applied.rows.map((row) => row.version));
  const missing = REQUIRED_MIGRATIONS.filter((version) => !versions.has(version));
  ensure(missing.length === 0, `${notMigrated} (missing migrations ${missing.join(", ")})`);
  const privileges = await target.query<{ ok: boolean }>(
    `SELECT has_table_privilege('"user"', 'INSERT,UPDATE') AND has_table_privilege('account', 'INSERT,UPDATE,DELETE')
        AND has_table_privilege('profile', 'INSERT,UPDATE,DELETE')
        AND has_table_privilege('supabase_import', 'INSERT,UPDATE')
        AND has_table_privilege('supabase_skip', 'INSERT,UPDATE')
        AND has_database_privilege(current_database(), 'TEMPORARY') AS ok`,
  );
  ensure(
    privileges.rows[0]?.ok,
    `Permission denied: the user in ${variable} cannot write "user", account, profile, supabase_import and supabase_skip, or create temporary tables. Use the database owner's direct URL.`,
  );
  return { emailCollation: await emailCollation(target) };
}

/** How many users earlier runs imported and skipped (their import and skip records). */
export async function countRecords(target: pg.Pool): Promise<{ imported: number; skipped: number }> {
  const { rows } = await target.query<{ imported: number; skipped: number }>(
    `SELECT (SELECT count(*) FROM supabase_import)::int AS imported, (SELECT count(*) FROM supabase_skip)::int AS skipped`,
  );
  return { imported: rows[0]?.imported ?? 0, skipped: rows[0]?.skipped ?? 0 };
}
