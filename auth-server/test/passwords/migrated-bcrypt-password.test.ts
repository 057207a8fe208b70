import { hash as bcryptHash } from "@node-rs/bcrypt";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "../support/auth-server-under-test.js";

const USER_ID = "5b0e8f43-3c9a-4c4e-9d8b-2f7a1e6c0d11";

/** Inserts a user the way the Supabase migration does: same id, verified, a credential account with bcrypt. */
async function insertMigratedUser(
  pool: pg.Pool,
  email: string,
  bcryptHash: string,
  id: string = USER_ID,
): Promise<void> {
  await pool.query(
    `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt") VALUES ($1, 'Lin', $2, true, now(), now())`,
    [id, email],
  );
  await pool.query(
    `INSERT INTO account ("accountId", "providerId", "userId", password, "createdAt", "updatedAt")
     VALUES ($1::text, 'credential', $1::uuid, $2, now(), now())`,
    [id, bcryptHash],
  );
}

// Stored hashes a Supabase export may hold that no password can match: a bcrypt prefix with garbage after it,
// and a well-formed hash whose cost (2^31 rounds) would keep a core busy for days.
const UNVERIFIABLE_HASHES = [
  ["a malformed bcrypt hash", "8f1d0c52-7a3e-4b6f-9c21-3d4e5f607182", `$2a$10$${"!".repeat(53)}`],
  [
    "a bcrypt hash with cost 31",
    "9a2e1d63-8b4f-4c70-ad32-4e5f60718293",
    "$2a$31$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
  ],
] as const;

describe("a user migrated from Supabase with a bcrypt password", () => {
  let underTest: AuthServerUnderTest;
  let pool: pg.Pool;
  let environment: AuthServerUnderTest["environment"];
  let server: RunningAuthServer;

  const signIn = (email: string, password: string) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: environment.env.WEBSITE_URL as string },
      body: JSON.stringify({ email, password }),
    });
  const storedHash = async () =>
    (await pool.query(`SELECT password FROM account WHERE "userId" = $1`, [USER_ID])).rows[0]
      .password as string;

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest({ RATE_LIMIT_ENABLED: "false" });
    ({ server, pool, environment } = underTest);
    // Supabase's format: $2a$, cost 10 (GoTrue uses Go's bcrypt); @node-rs/bcrypt writes the same hash as $2b$.
    const hash = (await bcryptHash("kept from supabase", 10)).replace(/^\$2b\$/, "$2a$");
    await insertMigratedUser(pool, "lin@example.com", hash);
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it("fails a wrong password exactly like an unknown e-mail, without touching the stored hash", async () => {
    const before = await storedHash();
    const wrong = await signIn("lin@example.com", "not the password");
    const unknown = await signIn("nobody@example.com", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(await storedHash()).toBe(before);
  });

  it.each(UNVERIFIABLE_HASHES)(
    "answers %s exactly like a wrong password: same status and body, in bounded time",
    async (_case, id, hash) => {
      const email = `${id.slice(0, 8)}@example.com`;
      await insertMigratedUser(pool, email, hash, id);
      const attempt = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: environment.env.WEBSITE_URL as string },
        body: JSON.stringify({ email, password: "any password at all" }),
        signal: AbortSignal.timeout(10_000),
      });
      const wrong = await signIn("nobody@example.com", "any password at all");
      expect(attempt.status).toBe(401);
      expect(await attempt.json()).toEqual(await wrong.json());
    },
  );

  it("signs in with the old password and leaves a scrypt hash behind, which works next time", async () => {
    expect(await storedHash()).toMatch(/^\$2a\$10\$/);
    const first = await signIn("lin@example.com", "kept from supabase");
    expect(first.status).toBe(200);
    expect(((await first.json()) as { user: { id: string } }).user.id).toBe(USER_ID);

    const rehashed = await storedHash();
    expect(rehashed).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    const second = await signIn("lin@example.com", "kept from supabase");
    expect(second.status).toBe(200);
    expect(await storedHash()).toBe(rehashed);
  });

  it("gives new users a scrypt hash, never bcrypt", async () => {
    const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: environment.env.WEBSITE_URL as string },
      body: JSON.stringify({ email: "new@example.com", password: "fresh password", name: "New" }),
    });
    expect(response.status).toBe(200);
    const { rows } = await pool.query(
      `SELECT a.password FROM account a JOIN "user" u ON u.id = a."userId" WHERE u.email = 'new@example.com'`,
    );
    expect(rows[0].password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });
});
