import type pg from "pg";
import { ensure } from "./errors.js";

// The tables and columns this command writes: Better Auth's and the profile (0001, 0002), the import records with
// their digests (0004, 0005, 0006), the profile version sequence (0008), the import records' full-word keys (0010)
// and the skip records (0011).
const REQUIRED_MIGRATIONS = ["0001", "0002", "0004", "0005", "0006", "0008", "0010", "0011"];

/** Refuses a target that `npm run db:migrate` has not brought up to the tables this command writes. */
export async function inspectTarget(target: pg.Pool, variable: string): Promise<void> {
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
        AND has_table_privilege('supabase_skip', 'INSERT,UPDATE') AS ok`,
  );
  ensure(
    privileges.rows[0]?.ok,
    `Permission denied: the user in ${variable} cannot write "user", account, profile, supabase_import and supabase_skip. Use the database owner's direct URL.`,
  );
}

/** How many users earlier runs already imported, for the plan. */
export async function countImported(target: pg.Pool): Promise<number> {
  const { rows } = await target.query<{ count: string }>("SELECT count(*) FROM supabase_import");
  return Number(rows[0]?.count ?? 0);
}
