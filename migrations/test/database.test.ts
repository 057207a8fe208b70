import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPool,
  parseDatabaseUrl,
  redactDatabaseUrl,
  waitForDatabase,
  withTransaction,
} from "../src/database.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database.js";

describe("the shared database module", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(() => database.drop());

  it("commits a transaction's work, and leaves the data as it was when the work throws", async () => {
    const pool = createPool({ connectionString: database.url, max: 2 });
    try {
      await pool.query("CREATE TABLE counter (n int NOT NULL)");
      await withTransaction(pool, (client) => client.query("INSERT INTO counter VALUES (1)"));
      await expect(
        withTransaction(pool, async (client) => {
          await client.query("INSERT INTO counter VALUES (2)");
          throw new Error("boom after the first write");
        }),
      ).rejects.toThrow("boom after the first write");
      const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter ORDER BY n");
      expect(rows.map((row) => row.n)).toEqual([1]);
    } finally {
      await pool.end();
    }
  });

  it("runs `prepare` on the connection before BEGIN, outside the transaction: what it makes outlives a rollback", async () => {
    const pool = createPool({ connectionString: database.url, max: 1 });
    try {
      const prepare = (client: { query(text: string): Promise<unknown> }) =>
        client.query("CREATE TEMP TABLE IF NOT EXISTS session_state (n int)").then(() => undefined);
      await expect(
        withTransaction(
          pool,
          async (client) => {
            const { rows } = await client.query<{ inside: string }>(
              "SELECT current_setting('transaction_read_only') AS inside",
            );
            expect(rows[0]?.inside).toBe("on");
            throw new Error("roll back");
          },
          "BEGIN READ ONLY",
          prepare,
        ),
      ).rejects.toThrow("roll back");
      // The same connection (max 1) still has the temporary table: it was created before BEGIN, in its own commit.
      const { rows } = await pool.query<{ present: boolean }>(
        "SELECT to_regclass('pg_temp.session_state') IS NOT NULL AS present",
      );
      expect(rows[0]?.present).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it("opens a transaction with the given BEGIN and settings, which end with it", async () => {
    const pool = createPool({ connectionString: database.url, max: 1 });
    try {
      const inside = await withTransaction(
        pool,
        (client) =>
          client.query<{ zone: string; isolation: string; readOnly: string }>(
            `SELECT current_setting('TimeZone') AS zone, current_setting('transaction_isolation') AS isolation,
                    current_setting('transaction_read_only') AS "readOnly"`,
          ),
        "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL TIME ZONE 'Pacific/Chatham'",
      );
      expect(inside.rows[0]).toEqual({
        zone: "Pacific/Chatham",
        isolation: "repeatable read",
        readOnly: "on",
      });
      // The same (only) connection, after the transaction: the settings were local to it.
      const after = await pool.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
      expect(after.rows[0]?.zone).not.toBe("Pacific/Chatham");
    } finally {
      await pool.end();
    }
  });

  it("waits for a database that answers", async () => {
    const pool = createPool({ connectionString: database.url, max: 1 });
    await expect(waitForDatabase(pool)).resolves.toBeUndefined();
    await pool.end();
  });

  it("gives up on an unreachable server with a line naming the variable", async () => {
    const pool = createPool({ connectionString: "postgres://x:y@127.0.0.1:1/none", max: 1 });
    await expect(waitForDatabase(pool, { timeoutMillis: 500, variable: "DATABASE_URL" })).rejects.toThrow(
      "Cannot reach the database at 127.0.0.1:1 (connection refused): is the server running, and is the host and port in DATABASE_URL right?",
    );
    await pool.end();
  });

  it("does not retry a statement error, only connection failures", async () => {
    const pool = createPool({
      connectionString: `${database.url.replace(/\/[^/]+$/, "")}/no_such_database_here`,
    });
    const started = Date.now();
    await expect(waitForDatabase(pool, { timeoutMillis: 10_000 })).rejects.toThrow(/does not exist/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await pool.end();
  });

  it("rejects a malformed URL by naming the variable", () => {
    expect(() => parseDatabaseUrl("not a url", "DATABASE_URL")).toThrow(/^DATABASE_URL is not a valid URL/);
    expect(() => parseDatabaseUrl("mysql://h/db", "DATABASE_URL")).toThrow(/must start with postgres:\/\//);
  });

  it("hides the password when a URL is shown", () => {
    expect(redactDatabaseUrl("postgres://me:s3cret@db.example.com/app")).toBe(
      "postgres://me:*****@db.example.com/app",
    );
  });
});
