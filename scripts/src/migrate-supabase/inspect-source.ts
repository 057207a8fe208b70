import type pg from "pg";
import { ensure } from "./errors.js";

/** What this Supabase database has; older Supabase versions lack some columns and tables. */
export interface SourceShape {
  userColumns: ReadonlySet<string>;
  /** `provider_id` since Supabase Auth 2023-11; before that the provider's subject was the text column `id`. */
  identitySubjectColumn: "provider_id" | "id";
  hasProfiles: boolean;
  hasMfaFactors: boolean;
}

/**
 * Checks that SUPABASE_DB_URL names a Supabase database this user may read, and learns its shape.
 * Errors say what to do: a missing `auth` schema usually means the wrong database, a missing privilege the wrong role.
 */
export async function inspectSource(source: pg.Pool): Promise<SourceShape> {
  const wrongDatabase =
    "SUPABASE_DB_URL has no auth.users / auth.identities: it must point at the Supabase project's own database " +
    '(Project Settings → Database → Connection string, database "postgres").';
  const permissionDenied =
    "Permission denied: the user in SUPABASE_DB_URL cannot read auth.users, auth.identities or public.profiles. " +
    'Use the "postgres" user\'s connection string, not an API role such as anon or authenticated.';
  // The schema comes first: looking up a table in a schema one may not use is itself "permission denied".
  const schema = await source.query<{ present: boolean; usable: boolean }>(
    `SELECT oid IS NOT NULL AS present, oid IS NOT NULL AND has_schema_privilege(oid, 'USAGE') AS usable
       FROM (SELECT (SELECT oid FROM pg_namespace WHERE nspname = 'auth') AS oid) auth`,
  );
  const version = await source.query<{ n: string; text: string }>(
    "SELECT current_setting('server_version_num') AS n, current_setting('server_version') AS text",
  );
  // The source digest is hash_record_extended (read-source-batches.ts), which PostgreSQL has had since 14.
  ensure(
    Number(version.rows[0]?.n) >= 140000,
    `The Supabase database runs PostgreSQL ${version.rows[0]?.text}; this command needs 14 or later. ` +
      "Upgrade the project first (Supabase dashboard → Project Settings → Infrastructure).",
  );
  ensure(schema.rows[0]?.present, wrongDatabase);
  ensure(schema.rows[0]?.usable, permissionDenied);
  const { rows } = await source.query<{
    users: boolean;
    identities: boolean;
    profiles: boolean;
    mfa: boolean;
  }>(
    `SELECT to_regclass('auth.users') IS NOT NULL AS users,
            to_regclass('auth.identities') IS NOT NULL AS identities,
            to_regclass('public.profiles') IS NOT NULL AS profiles,
            to_regclass('auth.mfa_factors') IS NOT NULL AS mfa`,
  );
  const found = rows[0];
  ensure(found?.users && found.identities, wrongDatabase);
  const privileges = await source.query<{ ok: boolean }>(
    `SELECT has_table_privilege('auth.users', 'SELECT') AND has_table_privilege('auth.identities', 'SELECT')
            AND (to_regclass('public.profiles') IS NULL OR has_table_privilege('public.profiles', 'SELECT')) AS ok`,
  );
  ensure(privileges.rows[0]?.ok, permissionDenied);
  const columns = await source.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'auth' AND table_name IN ('users', 'identities')`,
  );
  const userColumns = new Set(columns.rows.filter((c) => c.table_name === "users").map((c) => c.column_name));
  const identityColumns = new Set(
    columns.rows.filter((c) => c.table_name === "identities").map((c) => c.column_name),
  );
  return {
    userColumns,
    identitySubjectColumn: identityColumns.has("provider_id") ? "provider_id" : "id",
    hasProfiles: found.profiles,
    hasMfaFactors: found.mfa,
  };
}
