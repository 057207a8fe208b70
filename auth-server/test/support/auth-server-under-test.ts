import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import type pg from "pg";
import { startAuthServer } from "../../src/testing/start-auth-server.js";
import { testEnvironment } from "./test-environment.js";

/** An auth-server started by a test: its URL and how to stop it. */
export interface RunningAuthServer {
  url: string;
  close(): Promise<void>;
}

/** A running auth-server on a database of its own, and a pool on that database for the test's own checks. */
export interface AuthServerUnderTest {
  server: RunningAuthServer;
  /** One connection to the server's database. */
  pool: pg.Pool;
  database: TestDatabase;
  environment: ReturnType<typeof testEnvironment>;
  /** The website origin the server trusts (send it as `Origin`). */
  website: string;
  /**
   * Starts one more auth-server on the same database and data folder, with the first one's environment plus
   * `extra` (several instances behind a load balancer, or one configured differently); `close` stops it too.
   */
  startAnother(extra?: Record<string, string>): Promise<RunningAuthServer>;
  /** Stops every server it started and drops what it made: pool, database, data folder. */
  close(): Promise<void>;
}

/** Creates a database, then starts an auth-server on it with the test environment plus `extra`. */
export async function startAuthServerUnderTest(
  extra: Record<string, string> = {},
): Promise<AuthServerUnderTest> {
  const database = await createTestDatabase();
  const pool = createPool({ connectionString: database.url, max: 1 });
  const environment = testEnvironment(database.url, extra);
  const servers: RunningAuthServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startAuthServer(env);
    servers.push(server);
    return server;
  };
  const close = async () => {
    await Promise.all(servers.map((server) => server.close()));
    await pool.end();
    await database.drop();
    environment.remove();
  };
  try {
    return {
      server: await start(environment.env),
      pool,
      database,
      environment,
      website: environment.env.WEBSITE_URL as string,
      startAnother: (more = {}) => start({ ...environment.env, ...more }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
