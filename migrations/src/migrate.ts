import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type DatabaseLogger, describeConnectionError, parseDatabaseUrl } from "./database.js";

/** The folder that holds the SQL files, `migrations/` at the repository root. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

const FILE_NAME = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;
const TRACKING_TABLE = "schema_migrations";
// An arbitrary constant shared by every runner of this project: pg_advisory_lock(key) serialises them.
const LOCK_KEY = 7_416_257_118_003n;

export interface MigrationFile {
  version: string;
  name: string;
  fileName: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  version: string;
  name: string;
  checksum: string;
  appliedAt: Date;
}

export interface MigrationStatus {
  applied: AppliedMigration[];
  pending: MigrationFile[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Reads and checks the `NNNN_verb_noun.sql` files of `dir`, in version order. */
export async function readMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = (await readdir(dir)).filter((entry) => entry.endsWith(".sql")).sort();
  const files: MigrationFile[] = [];
  for (const fileName of entries) {
    const match = FILE_NAME.exec(fileName);
    if (!match) {
      throw new MigrationError(
        `${fileName}: migration files are named NNNN_verb_noun.sql (e.g. 0003_add_profile_index.sql).`,
      );
    }
    const [, version = "", name = ""] = match;
    if (files.some((file) => file.version === version)) {
      throw new MigrationError(
        `Two migration files share the version ${version}: give ${fileName} the next free number.`,
      );
    }
    const sql = await readFile(join(dir, fileName), "utf8");
    files.push({ version, name, fileName, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return files;
}

export interface MigrateOptions {
  /** The direct (unpooled) URL: an advisory lock does not survive a transaction-mode pooler. */
  connectionString: string;
  dir?: string;
  logger?: DatabaseLogger;
  /** Name of the variable the URL came from, for error messages. */
  variable?: string;
}

/** Applies every pending migration, each in its own transaction together with its tracking record. */
export async function migrate(options: MigrateOptions): Promise<MigrationFile[]> {
  return withLockedClient(options, async (client, files) => {
    const status = await compare(client, files);
    for (const file of status.pending) {
      options.logger?.info({ migration: file.fileName }, "applying migration");
      try {
        await client.query("BEGIN");
        await client.query(file.sql);
        await client.query(`INSERT INTO ${TRACKING_TABLE} (version, name, checksum) VALUES ($1, $2, $3)`, [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        const last = await lastApplied(client);
        throw new MigrationError(
          `${file.fileName} failed: ${(error as Error).message}. It was rolled back; the database is as it was ` +
            `${last ? `after ${last}` : "before any migration"}. Fix the file (it was never applied) and run again.`,
          { cause: error },
        );
      }
    }
    return status.pending;
  });
}

/** Lists applied and pending migrations without changing anything (but the tracking table's creation). */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  return withLockedClient(options, (client, files) => compare(client, files));
}

async function withLockedClient<T>(
  options: MigrateOptions,
  fn: (client: pg.Client, files: MigrationFile[]) => Promise<T>,
): Promise<T> {
  const variable = options.variable ?? "DATABASE_URL_UNPOOLED";
  const url = parseDatabaseUrl(options.connectionString, variable);
  if (/-pooler\./.test(url.hostname)) {
    throw new MigrationError(
      `${variable} points at Neon's connection pooler (${url.hostname}). Migrations take an advisory lock, which ` +
        "only holds on a direct connection: set DATABASE_URL_UNPOOLED to the host without '-pooler'.",
    );
  }
  const files = await readMigrationFiles(options.dir);
  const client = new pg.Client({
    connectionString: options.connectionString,
    application_name: "textbook-migrate",
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(describeConnectionError(error, variable), { cause: error });
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY.toString()]);
    const { rows } = await client.query<{ key: string }>(
      "SELECT 1 AS key FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()",
    );
    if (rows.length === 0) {
      throw new MigrationError(
        `The advisory lock did not hold on the connection from ${variable}: it goes through a transaction pooler. ` +
          "Use the direct database URL for migrations.",
      );
    }
    await client.query(`CREATE TABLE IF NOT EXISTS ${TRACKING_TABLE} (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    return await fn(client, files);
  } finally {
    await client.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

async function compare(client: pg.Client, files: MigrationFile[]): Promise<MigrationStatus> {
  const { rows } = await client.query<{ version: string; name: string; checksum: string; applied_at: Date }>(
    `SELECT version, name, checksum, applied_at FROM ${TRACKING_TABLE} ORDER BY version`,
  );
  const byVersion = new Map(files.map((file) => [file.version, file]));
  for (const row of rows) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.version}_${row.name}.sql was applied to this database but is missing from the folder. ` +
          "Restore it: applied migrations are never removed.",
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `${file.fileName} has changed since it was applied (checksum mismatch). Applied migrations are never ` +
          "edited: restore the file and put the change in a new migration.",
      );
    }
  }
  const appliedVersions = new Set(rows.map((row) => row.version));
  const newest = rows.at(-1)?.version ?? "";
  const pending = files.filter((file) => !appliedVersions.has(file.version));
  const outOfOrder = pending.find((file) => file.version < newest);
  if (outOfOrder) {
    throw new MigrationError(
      `${outOfOrder.fileName} is older than the newest applied migration (${newest}): renumber it after ${newest}.`,
    );
  }
  return {
    applied: rows.map((row) => ({
      version: row.version,
      name: row.name,
      checksum: row.checksum,
      appliedAt: row.applied_at,
    })),
    pending,
  };
}

async function lastApplied(client: pg.Client): Promise<string | undefined> {
  const { rows } = await client.query<{ version: string; name: string }>(
    `SELECT version, name FROM ${TRACKING_TABLE} ORDER BY version DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? `${row.version}_${row.name}.sql` : undefined;
}
