import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { parseConfig } from "../../src/migrate-supabase/config.js";
import type { Report } from "../../src/migrate-supabase/report.js";
import { runMigration } from "../../src/migrate-supabase/run-migration.js";
import { createSupabaseSchema, withClient } from "../fixtures/supabase-fixture.js";

export const CLI = resolve(import.meta.dirname, "../../src/migrate-supabase/cli.ts");

/** A Supabase-shaped source and a migrated target, each a database of its own. */
export interface DatabasePair {
  source: TestDatabase;
  target: TestDatabase;
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createDatabasePair(): Promise<DatabasePair> {
  const source = await createTestDatabase({ migrated: false });
  const target = await createTestDatabase();
  await createSupabaseSchema(source.url);
  return {
    source,
    target,
    env: { SUPABASE_DB_URL: source.url, DATABASE_URL_UNPOOLED: target.url },
    drop: async () => {
      await Promise.all([source.drop(), target.drop()]);
    },
  };
}

export interface InProcessRun {
  code: number;
  report: Report | null;
  stdout: string;
  stderr: string;
}

/** Runs the migration in this process, as `npm run migrate:supabase -- --yes …` would. */
export async function migrateInProcess(
  env: Record<string, string>,
  args: string[] = [],
): Promise<InProcessRun> {
  let stdout = "";
  let stderr = "";
  const config = parseConfig(["--yes", ...args], env);
  if (config === "help") throw new Error("unexpected --help");
  const { code, report } = await runMigration(config, {
    stdout: {
      write: (text) => {
        stdout += text;
        return true;
      },
    },
    stderr: {
      isTTY: false,
      write: (text) => {
        stderr += text;
        return true;
      },
    },
    confirm: null,
  });
  return { code, report, stdout, stderr };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the real command as a child process (`node --import tsx cli.ts`), with only the given variables. */
export function startCli(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    cwd: resolve(import.meta.dirname, "../.."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<CliRun>((resolvePromise) => {
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the real command to its end. */
export function runCli(env: Record<string, string>, args: string[]): Promise<CliRun> {
  return startCli(env, args).done;
}

/** Rows of one query, for assertions. */
export function rows<T = Record<string, unknown>>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql, values)).rows as T[]);
}

/** What a target holds, as two databases are compared: `targetContents` without profile versions. */
export async function targetData(url: string): Promise<unknown> {
  const contents = (await targetContents(url)) as { profiles: Record<string, unknown>[] };
  // A version comes from a sequence (migrations/0008), which a rolled-back batch still advanced: two databases
  // holding the same profiles hold different versions.
  return { ...contents, profiles: contents.profiles.map(({ version: _version, ...profile }) => profile) };
}

/** Everything the migration writes, in a form two databases can be compared by (no surrogate ids, no clocks). */
export async function targetContents(url: string): Promise<unknown> {
  return {
    users: await rows(url, `SELECT * FROM "user" ORDER BY id`),
    accounts: await rows(
      url,
      `SELECT "providerId", "accountId", "userId", password, "createdAt", "updatedAt" FROM account ORDER BY 1, 2`,
    ),
    profiles: await rows(url, "SELECT * FROM profile ORDER BY user_id"),
    imports: await rows(
      url,
      "SELECT user_id, fingerprints, target_digest FROM supabase_import ORDER BY user_id",
    ),
  };
}
