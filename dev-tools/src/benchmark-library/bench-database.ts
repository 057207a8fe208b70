import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "@textbook/migrations/migrate";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres/embedded-postgres.js";

/** A PostgreSQL server for one benchmark run: `serverUrl` (BENCH_DATABASE_URL) or an embedded one started for it. */
export async function openBenchServer(
  serverUrl: string | undefined,
  prefix: string,
): Promise<{ url: string; close(): Promise<void> }> {
  if (serverUrl) return { url: serverUrl, close: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `${prefix}-bench-pg-${process.pid}`),
    ephemeral: true,
  });
  return { url: embedded.url, close: () => embedded.stop() };
}

/** An empty scratch database on `serverUrl` (its superuser URL); `drop()` removes it. */
export async function createScratchDatabase(
  serverUrl: string,
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${label}_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * A freshly migrated scratch database for one benchmark run, on `serverUrl`'s server (BENCH_DATABASE_URL) or on an
 * embedded PostgreSQL started for the run; `drop()` removes it (and stops the embedded server).
 */
export async function createBenchDatabase(serverUrl: string | undefined, prefix: string) {
  const server = await openBenchServer(serverUrl, prefix);
  const database = await createScratchDatabase(server.url, prefix);
  await migrate({ connectionString: database.url });
  return {
    url: database.url,
    drop: async () => {
      await database.drop();
      await server.close();
    },
  };
}
