import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import type pg from "pg";
import { startAuthServer } from "../../src/testing/start-auth-server.js";
import { testEnvironment } from "./test-environment.js";

/** A running auth-server on a database of its own, and a pool on that database for the test's own checks. */
export interface AuthServerUnderTest {
  server: { url: string; close(): Promise<void> };
  /** One connection to the server's database. */
  pool: pg.Pool;
  database: TestDatabase;
  environment: ReturnType<typeof testEnvironment>;
  /** The website origin the server trusts (send it as `Origin`). */
  website: string;
  /** Stops the server and drops what it made: pool, database, data folder. */
  close(): Promise<void>;
}

/** Creates a database, then starts an auth-server on it with the test environment plus `extra`. */
export async function startAuthServerUnderTest(
  extra: Record<string, string> = {},
): Promise<AuthServerUnderTest> {
  const database = await createTestDatabase();
  const pool = createPool({ connectionString: database.url, max: 1 });
  const environment = testEnvironment(database.url, extra);
  const cleanUp = async () => {
    await pool.end();
    await database.drop();
    environment.remove();
  };
  try {
    const server = await startAuthServer(environment.env);
    return {
      server,
      pool,
      database,
      environment,
      website: environment.env.WEBSITE_URL as string,
      close: async () => {
        await server.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
