import { pipeline } from "node:stream/promises";
import { withTransaction } from "@textbook/migrations/database";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { SourceShape } from "./inspect-source.js";
import { NO_NESTED_LOOPS, readInUtc, UTC_SETTINGS } from "./read-in-utc.js";
import { buildUsersQuery, MAPPING_VERSION } from "./read-source-batches.js";

/**
 * The staging tables: temporary tables of the target connection (schema `pg_temp_N`, its own), created once per
 * connection and emptied at the end of every transaction (`ON COMMIT DELETE ROWS`; a rollback empties them too), so
 * each batch starts from empty tables, and a killed run leaves nothing behind: they go with its connections.
 *
 * - `staged_*`: a batch's source rows exactly as Supabase sent them (COPY), and the e-mail conflicts it loses;
 * - `mapped_*`: what each staged user becomes (map-users.ts), with the target tables' column names;
 * - `planned_*`: what must be written for it, compared with what earlier runs wrote (map-users.ts), and why a user
 *   cannot be written (apply-plan.ts).
 */
export const STAGING_TABLES = `
CREATE TEMP TABLE staged_user (
  id uuid NOT NULL, email text, encrypted_password text, email_confirmed_at timestamptz, invited_at timestamptz,
  phone text, raw_user_meta_data jsonb, active_ban_until timestamptz, deleted_at timestamptz, is_anonymous boolean,
  last_sign_in_at timestamptz, created_at timestamptz, updated_at timestamptz, has_mfa boolean NOT NULL,
  digest text NOT NULL
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE staged_identity (
  user_id uuid NOT NULL, provider text NOT NULL, subject text NOT NULL, created_at timestamptz, updated_at timestamptz
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE staged_profile (
  id uuid NOT NULL, full_name text, avatar_url text, software_background text, hardware_background text,
  programming_languages text[], robotics_experience text, learning_goals text, preferred_language text,
  created_at timestamptz, updated_at timestamptz
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE staged_conflict (loser uuid NOT NULL, winner uuid NOT NULL) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE mapped_user (
  id uuid NOT NULL, digest text NOT NULL, skip_reason text, conflicts_with uuid,
  name text, email text, "emailVerified" boolean, image text, "createdAt" timestamptz, "updatedAt" timestamptz,
  banned boolean, "banReason" text, "banExpires" timestamptz,
  source_counts text[] NOT NULL, warnings jsonb, fingerprint text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE mapped_account (
  "userId" uuid NOT NULL, "providerId" text NOT NULL, "accountId" text NOT NULL, password text,
  "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL, key text NOT NULL,
  fingerprint text NOT NULL
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE mapped_profile (
  user_id uuid NOT NULL, display_name text, avatar_url text, software_background text, hardware_background text,
  programming_languages text[], robotics_experience text, learning_goals text, preferred_language text,
  created_at timestamptz, updated_at timestamptz, fingerprint text NOT NULL
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE planned_user (
  id uuid NOT NULL, status text NOT NULL, write_user boolean NOT NULL, profile_action text,
  refresh_record boolean NOT NULL, fingerprints jsonb NOT NULL, fingerprint_xor text NOT NULL,
  source_digest text NOT NULL, report_facts jsonb NOT NULL, failure_reason text, failure_message text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE planned_account (
  "userId" uuid NOT NULL, "providerId" text NOT NULL, "accountId" text NOT NULL, password text,
  "createdAt" timestamptz, "updatedAt" timestamptz, action text NOT NULL
) ON COMMIT DELETE ROWS`;

/** Connections that have the staging tables (a pool hands the same client objects out again). */
const staged = new WeakSet<pg.PoolClient>();

/**
 * Runs one batch in a target transaction on a connection that has the staging tables (created on its first batch),
 * with UTC_SETTINGS and NO_NESTED_LOOPS: the batch's statements join whole staging tables and the batch's id range of
 * the target's tables, by hash, and look rows up by key only in LATERAL subqueries or `= ANY (ARRAY(…))`, whatever
 * the planner estimates (it has no statistics for the staging tables, and estimates a uuid range of one batch at
 * about one row). A dry run's transaction is READ ONLY: PostgreSQL then refuses any write but to temporary tables,
 * and its commit only empties them.
 */
export function withBatchTransaction<T>(
  target: pg.Pool,
  options: { dryRun: boolean },
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return withTransaction(
    target,
    fn,
    `BEGIN${options.dryRun ? " READ ONLY" : ""}; ${UTC_SETTINGS}; ${NO_NESTED_LOOPS}`,
    async (client) => {
      if (staged.has(client)) return;
      await client.query(STAGING_TABLES);
      staged.add(client);
    },
  );
}

/** Which users to stage: a page's id range, and within it either everyone or a list of ids (its changed users). */
export interface UserSelection {
  first: string;
  last: string;
  ids?: string[];
}

/**
 * Copies the selected users' source rows into the staging tables of `target` (in its batch transaction): their
 * `auth.users` columns with the digest of every source row the mapping reads, their identities and their profiles,
 * streamed with COPY from one read-only snapshot of Supabase, so the digest stored with a user's import is always
 * that of the rows it was mapped from. No row is parsed here: the bytes go from one server to the other, in COPY's
 * binary form (neither server prints or parses a value as text), every column cast on the way out to the staging
 * table's type, which that form requires.
 * COPY takes no parameters: the only values written into these statements are the page's ids and the mapping's
 * version, as quoted literals.
 */
export async function stageSourceUsers(
  source: pg.Pool,
  target: pg.PoolClient,
  shape: SourceShape,
  selection: UserSelection,
): Promise<void> {
  const first = pg.escapeLiteral(selection.first);
  const last = pg.escapeLiteral(selection.last);
  const where = (column: string) =>
    selection.ids
      ? `${column} BETWEEN ${first} AND ${last} AND ${column} = ANY (${pg.escapeLiteral(`{${selection.ids.join(",")}}`)}::uuid[])`
      : `${column} BETWEEN ${first} AND ${last}`;
  const subject = shape.identitySubjectColumn;
  const copies: [string, string][] = [
    [buildUsersQuery(shape, where("u.id"), [first, last], pg.escapeLiteral(MAPPING_VERSION)), "staged_user"],
    [
      `SELECT user_id::uuid, provider::text, ${subject}::text, created_at::timestamptz, updated_at::timestamptz
         FROM auth.identities WHERE ${where("user_id")}`,
      "staged_identity",
    ],
  ];
  if (shape.hasProfiles) {
    copies.push([
      `SELECT id::uuid, full_name::text, avatar_url::text, software_background::text, hardware_background::text,
              programming_languages::text[], robotics_experience::text, learning_goals::text,
              preferred_language::text, created_at::timestamptz, updated_at::timestamptz
         FROM public.profiles WHERE ${where("id")}`,
      "staged_profile",
    ]);
  }
  await readInUtc(source, async (client) => {
    for (const [query, table] of copies) {
      await pipeline(
        client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`)),
        target.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`)),
      );
    }
  });
}
