import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "@textbook/migrations/migrate";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres.js";

/**
 * A freshly migrated scratch database for one benchmark run, on `serverUrl`'s server (BENCH_DATABASE_URL) or on an
 * embedded PostgreSQL started for the run; `drop()` removes it (and stops the embedded server).
 */
export async function createBenchDatabase(serverUrl: string | undefined, prefix: string) {
  const embedded = serverUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: join(tmpdir(), `${prefix}-bench-pg-${process.pid}`),
        ephemeral: true,
      });
  const server = serverUrl ?? (embedded?.url as string);
  const name = `${prefix}_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrate({ connectionString: url.toString() });
  return {
    url: url.toString(),
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await embedded?.stop();
    },
  };
}
