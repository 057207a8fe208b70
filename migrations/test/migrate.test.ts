import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, migrationStatus, readMigrationFiles } from "../src/migrate.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database.js";

async function tableNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

describe("the migration runner", () => {
  let database: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    database = await createTestDatabase({ migrated: false });
    dir = await mkdtemp(join(tmpdir(), "migrations-"));
    for (const file of await readMigrationFiles())
      await cp(join(MIGRATIONS_DIR, file.fileName), join(dir, file.fileName));
  });
  afterEach(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("applies every file on a fresh database and nothing on the second run", async () => {
    const files = await readMigrationFiles();
    const first = await migrate({ connectionString: database.url, dir });
    expect(first.map((file) => file.fileName)).toEqual(files.map((file) => file.fileName));
    expect(await tableNames(database.url)).toEqual(
      expect.arrayContaining(["user", "session", "account", "verification", "jwks", "rateLimit", "profile"]),
    );
    expect(await migrate({ connectionString: database.url, dir })).toEqual([]);
    const status = await migrationStatus({ connectionString: database.url, dir });
    expect(status.applied.map((m) => m.version)).toEqual(files.map((file) => file.version));
    expect(status.pending).toEqual([]);
  });

  it("refuses to run when an applied file has changed, naming the file", async () => {
    await migrate({ connectionString: database.url, dir });
    await writeFile(join(dir, "0002_create_profile_table.sql"), "-- edited\nSELECT 1;\n");
    await expect(migrate({ connectionString: database.url, dir })).rejects.toThrow(
      /0002_create_profile_table\.sql has changed since it was applied/,
    );
  });

  it("lists a new file as pending, then applies only that file", async () => {
    await migrate({ connectionString: database.url, dir });
    await writeFile(
      join(dir, "9001_add_test_table.sql"),
      "-- A test table.\nCREATE TABLE added_later (id int);\n",
    );
    const status = await migrationStatus({ connectionString: database.url, dir });
    expect(status.pending.map((m) => m.fileName)).toEqual(["9001_add_test_table.sql"]);
    expect((await migrate({ connectionString: database.url, dir })).map((m) => m.fileName)).toEqual([
      "9001_add_test_table.sql",
    ]);
  });

  it("rolls a failing file back whole and says what state the database is in", async () => {
    const last = (await readMigrationFiles()).at(-1)?.fileName.replaceAll(".", "\\.");
    await migrate({ connectionString: database.url, dir });
    await writeFile(
      join(dir, "9001_break_things.sql"),
      "-- Half of this would apply without a transaction.\nCREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n",
    );
    await expect(migrate({ connectionString: database.url, dir })).rejects.toThrow(
      new RegExp(`9001_break_things\\.sql failed: .*no_such_table.*as it was after ${last}`),
    );
    expect(await tableNames(database.url)).not.toContain("half_done");
    const status = await migrationStatus({ connectionString: database.url, dir });
    expect(status.pending.map((m) => m.fileName)).toEqual(["9001_break_things.sql"]);
  });

  it("lets two runners start at once and applies each file exactly once", async () => {
    const results = await Promise.all([
      migrate({ connectionString: database.url, dir }),
      migrate({ connectionString: database.url, dir }),
    ]);
    const files = await readMigrationFiles();
    expect(results.map((applied) => applied.length).sort()).toEqual([0, files.length]);
  });

  it("refuses a badly named file", async () => {
    await writeFile(join(dir, "3_oops.sql"), "SELECT 1;");
    await expect(migrate({ connectionString: database.url, dir })).rejects.toThrow(
      /3_oops\.sql: migration files are named/,
    );
  });

  it("refuses Neon's pooled host, saying to use the direct URL", async () => {
    await expect(
      migrate({
        connectionString: "postgres://u:p@ep-cool-name-123-pooler.eu-central-1.aws.neon.tech/db",
        dir,
      }),
    ).rejects.toThrow(/pooler.*DATABASE_URL_UNPOOLED/);
  });

  it("names the variable and the host when the server cannot be reached", async () => {
    await expect(
      migrate({ connectionString: "postgres://u:p@127.0.0.1:1/db", dir, variable: "DATABASE_URL" }),
    ).rejects.toThrow(/127\.0\.0\.1:1 \(connection refused\).*DATABASE_URL/);
  });
});
