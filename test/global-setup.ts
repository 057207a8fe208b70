import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@textbook/dev-tools/embedded-postgres";
import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * Gives every test file a database server: the one TEST_DATABASE_URL names (CI points it at the machine's
 * PostgreSQL), else an embedded PostgreSQL started for this run in a temporary folder and removed afterwards.
 * Each test file then creates and drops a database of its own (createTestDatabase).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const client = new pg.Client({ connectionString: given });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(
        `TEST_DATABASE_URL (${new URL(given).host}) does not answer: ${(error as Error).message}`,
      );
    } finally {
      await client.end().catch(() => undefined);
    }
    project.provide("databaseServerUrl", given);
    return async () => {};
  }
  const server = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `textbook-test-pg-${process.pid}`),
    preferredPort: 0,
    ephemeral: true,
  });
  project.provide("databaseServerUrl", server.url);
  return () => server.stop();
}
