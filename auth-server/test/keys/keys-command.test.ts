import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { insertKeyOnce } from "../../src/keys/jwks-table.js";
import { runKeysCommand } from "../../src/keys/keys-command.js";

const SECRET = "a-test-secret-that-is-at-least-32-characters";
const DAY = 86_400_000;

/** Runs the command in this process, capturing what it prints. */
async function keys(argv: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  const code = await runKeysCommand(argv, env);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("npm run keys -w auth-server", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 2 });
    env = { DATABASE_URL_UNPOOLED: database.url };
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("prints its usage and exit codes with --help, and exits 0", async () => {
    const run = await keys(["--help"], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/revoke <kid>/);
    expect(run.stdout).toMatch(/Exit codes/);
  });

  it.each([
    [[], /Name a command/],
    [["delete", "x"], /Unknown command "delete"/],
    [["revoke"], /Name the key to revoke/],
    [["list", "--force"], /Unknown option '--force'/],
  ])("exits 2 for the usage mistake %j, saying what to do", async (argv, message) => {
    const run = await keys(argv, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exits 2 without a database URL, naming the variables", async () => {
    const run = await keys(["list"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DATABASE_URL_UNPOOLED \(or DATABASE_URL\)/);
  });

  it("lists nothing on a database without keys, and exits 3 for a key that is not there", async () => {
    expect((await keys(["list"], env)).stdout).toMatch(/No keys yet/);
    const run = await keys(["revoke", "not-a-kid", "--yes"], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/There is no key not-a-kid\. .*list/);
  });

  it("will not revoke without --yes when it cannot ask, and changes nothing", async () => {
    const now = Date.now();
    const stored = await insertKeyOnce(
      pool,
      await generateSigningKey(SECRET, new Date(now), new Date(now + DAY)),
      DAY,
    );
    const run = await keys(["revoke", stored.id], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--yes/);
    expect((await keys(["list"], env)).stdout).toMatch(new RegExp(`^${stored.id} +\\S+ +signing `, "m"));
  });

  it("revokes with --no-wait and reports that no key signs yet when waiting finds none", async () => {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM jwks`);
    const kid = rows[0]?.id as string;
    const run = await keys(["revoke", kid, "--yes", "--no-wait"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Revoked ${kid}`));
    expect((await pool.query(`SELECT 1 FROM jwks WHERE id = $1`, [kid])).rowCount).toBe(0);
  });
});
