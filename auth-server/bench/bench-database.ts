import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "@textbook/migrations/migrate";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/src/embedded-postgres.js";

/** A freshly migrated database for one benchmark run, on BENCH_DATABASE_URL's server or an embedded one. */
export async function createBenchDatabase(serverUrl: string | undefined) {
  const embedded = serverUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: join(tmpdir(), `auth-bench-pg-${process.pid}`),
        ephemeral: true,
      });
  const server = new URL(serverUrl ?? (embedded?.url as string));
  const name = `auth_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
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
