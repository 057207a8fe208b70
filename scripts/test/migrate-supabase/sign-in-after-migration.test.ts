import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAuthServer } from "@textbook/auth-server/testing";
import { startProfileApi } from "@textbook/profile-api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE_PASSWORD, EVERY_KIND_OF_USER, ID, MESSY_TEXT } from "../fixtures/every-kind-of-user.js";
import { insertSupabaseUsers } from "../fixtures/supabase-fixture.js";
import { createDatabasePair, type DatabasePair, migrateInProcess, rows } from "./harness.js";

const WEBSITE_URL = "http://localhost:3999";
const AUDIENCE = "textbook-profile-api";

describe("a learner migrated from Supabase, end to end", () => {
  let pair: DatabasePair;
  let dataDir: string;
  let auth: { url: string; close(): Promise<void> };
  let api: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    pair = await createDatabasePair();
    await insertSupabaseUsers(pair.source.url, EVERY_KIND_OF_USER);
    expect((await migrateInProcess(pair.env)).code).toBe(0);
    dataDir = await mkdtemp(join(tmpdir(), "migrate-supabase-e2e-"));
    auth = await startAuthServer({
      DATABASE_URL: pair.target.url,
      WEBSITE_URL,
      REQUIRE_EMAIL_VERIFICATION: "false",
      RATE_LIMIT_ENABLED: "false",
      BETTER_AUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
      DATA_DIR: dataDir,
      OUTBOX_DIR: join(dataDir, "outbox"),
      PROFILE_API_URL: "http://localhost:4199",
      JWT_AUDIENCE: AUDIENCE,
      DATABASE_POOL_MAX: "2",
    });
    api = await startProfileApi({
      DATABASE_URL: pair.target.url,
      WEBSITE_URL,
      JWKS_URL: `${auth.url}/api/auth/jwks`,
      JWT_ISSUER: auth.url,
      JWT_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await api?.close();
    await auth?.close();
    await pair?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const signIn = (email: string, password: string) =>
    fetch(`${auth.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: WEBSITE_URL },
      body: JSON.stringify({ email, password }),
    });

  it("signs in with the old Supabase password and reads the migrated profile through the profile-api", async () => {
    // Supabase kept the e-mail as typed; sign-in here uses it in any case.
    const session = await signIn("Alice.Smith@Example.COM", ALICE_PASSWORD);
    expect(session.status).toBe(200);
    const cookie = session.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const token = await fetch(`${auth.url}/api/auth/token`, { headers: { cookie, origin: WEBSITE_URL } });
    expect(token.status).toBe(200);
    const { token: jwt } = (await token.json()) as { token: string };

    const profile = await fetch(`${api.url}/v1/profiles/me`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(profile.status).toBe(200);
    const body = (await profile.json()) as { programmingLanguages: unknown[] };
    expect(body).toMatchObject({
      displayName: MESSY_TEXT,
      softwareBackground: "advanced",
      hardwareBackground: null,
      preferredLanguage: "ur",
    });
    // The stored list keeps its NULL element (outcomes.test.ts); the API's schema has strings only.
    expect(body.programmingLanguages.slice(0, 5)).toEqual(["python", "python", "", "C++ ", "日本語"]);
  });

  it("refuses a wrong password for a migrated user", async () => {
    expect((await signIn("alice.smith@example.com", "not the password")).status).toBe(401);
  });

  it("keeps the password upgraded at sign-in when the migration runs again, and still reconciles", async () => {
    const [{ password } = { password: "" }] = await rows<{ password: string }>(
      pair.target.url,
      `SELECT password FROM account WHERE "userId" = $1 AND "providerId" = 'credential'`,
      [ID.alice],
    );
    expect(password.startsWith("$2")).toBe(false);
    const rerun = await migrateInProcess(pair.env);
    expect(rerun.code).toBe(0);
    expect(rerun.report?.reconciliation?.ok).toBe(true);
    expect(
      await rows(
        pair.target.url,
        `SELECT password FROM account WHERE "userId" = $1 AND "providerId" = 'credential'`,
        [ID.alice],
      ),
    ).toEqual([{ password }]);
    expect((await signIn("alice.smith@example.com", ALICE_PASSWORD)).status).toBe(200);
  });
});
