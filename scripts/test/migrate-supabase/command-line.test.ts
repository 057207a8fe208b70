import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@textbook/dev-tools/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERY_KIND_OF_USER } from "../fixtures/every-kind-of-user.js";
import { insertSupabaseUsers, withClient } from "../fixtures/supabase-fixture.js";
import { createDatabasePair, type DatabasePair, runCli } from "./harness.js";

describe("the migrate:supabase command", () => {
  let pair: DatabasePair;
  let bare: TestDatabase;

  beforeAll(async () => {
    pair = await createDatabasePair();
    bare = await createTestDatabase({ migrated: false });
    await insertSupabaseUsers(pair.source.url, EVERY_KIND_OF_USER);
  });
  afterAll(async () => {
    await pair?.drop();
    await bare?.drop();
  });

  it("exits 2 from a dry run that finds changes, writes nothing, then 0 once a real run has applied them", async () => {
    const dry = await runCli(pair.env, ["--dry-run"]);
    expect(dry.code, dry.stderr).toBe(2);
    expect(dry.stdout).toContain("would create 10 and update 0 users");
    const real = await runCli(pair.env, ["--yes"]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain("Reconciled: source and target agree");
    const again = await runCli(pair.env, ["--dry-run"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("10 are up to date");
  });

  it("refuses to write without --yes when there is no terminal to ask", async () => {
    const run = await runCli(pair.env, []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--yes");
  });

  it("refuses a target that is not migrated and says which command to run", async () => {
    const run = await runCli({ ...pair.env, DATABASE_URL_UNPOOLED: bare.url }, ["--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("npm run db:migrate");
  });

  it("refuses a source without Supabase's auth schema and says where to find the right URL", async () => {
    const run = await runCli({ ...pair.env, SUPABASE_DB_URL: bare.url }, ["--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("has no auth.users");
  });

  it("says which user to use when the source user may not read auth.users", async () => {
    const role = `no_rights_${Date.now().toString(36)}`;
    // With a password: the test server may ask for one (the embedded server does, with SCRAM).
    await withClient(pair.source.url, (client) =>
      client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'no-rights-here'`),
    );
    try {
      const url = new URL(pair.source.url);
      url.username = role;
      url.password = "no-rights-here";
      const run = await runCli({ ...pair.env, SUPABASE_DB_URL: url.toString() }, ["--dry-run"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("Permission denied");
      expect(run.stderr).toContain('"postgres" user');
    } finally {
      // Roles belong to the whole server, not to the test's database: drop it.
      await withClient(pair.source.url, (client) => client.query(`DROP ROLE ${role}`));
    }
  });

  it("says the password is missing when the server asks for one, and exits", async () => {
    // A server of its own that asks for SCRAM passwords, whatever the test server does.
    const server = await startEmbeddedPostgres({
      dataDir: await mkdtemp(join(tmpdir(), "migrate-no-password-")),
      preferredPort: 0,
      ephemeral: true,
    });
    try {
      const url = new URL(server.url);
      url.password = "";
      const run = await runCli({ ...pair.env, SUPABASE_DB_URL: url.toString() }, ["--dry-run"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("asks for a password and SUPABASE_DB_URL has none");
    } finally {
      await server.stop();
    }
  });

  it("refuses Neon's pooled host as the target and names the direct one", async () => {
    const pooled = "postgres://u:p@ep-cool-name-123456-pooler.eu-central-1.aws.neon.tech/neondb";
    const run = await runCli({ ...pair.env, DATABASE_URL_UNPOOLED: pooled }, ["--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('without "-pooler"');
    expect(run.stderr).not.toContain(":p@");
  });

  it("names the variable to fix when a database cannot be reached", async () => {
    const run = await runCli({ ...pair.env, SUPABASE_DB_URL: "postgres://u:secret@127.0.0.1:1/postgres" }, [
      "--dry-run",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SUPABASE_DB_URL");
    expect(run.stderr).not.toContain("secret");
  });

  it("takes database URLs only from the environment", async () => {
    const run = await runCli({}, ["--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SUPABASE_DB_URL is not set");
  });
});
