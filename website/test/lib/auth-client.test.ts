import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAuthServer } from "@textbook/auth-server/testing";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deferredAuthClient,
  fetchAccessToken,
  loadAuthClient,
  SignedOutError,
} from "../../src/lib/auth-client.js";

const SITE = "http://localhost:3000";
const ADA = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine-1843" };
// What the browser adds by itself; Better Auth refuses a POST without it.
const FROM_THE_SITE = { headers: { origin: SITE } };

describe("the website's auth client", () => {
  let database: TestDatabase;
  let dataDir: string;
  let auth: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), "website-auth-client-"));
    auth = await startAuthServer({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
      REQUIRE_EMAIL_VERIFICATION: "false",
      RATE_LIMIT_ENABLED: "false",
      WEBSITE_URL: SITE,
    });
  });
  afterAll(async () => {
    await auth?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("takes calls before Better Auth has loaded and makes them on Better Auth's client", async () => {
    const client = deferredAuthClient(auth.url);
    const { data, error } = await client.signUp.email(ADA, FROM_THE_SITE);
    expect(error).toBeNull();
    expect(data?.user.email).toBe(ADA.email);
    const again = await client.signUp.email(ADA, FROM_THE_SITE);
    expect(again.error?.status).toBe(422);
  });

  it("loads one Better Auth client per auth-server, and is not mistaken for a promise", async () => {
    expect(await loadAuthClient(auth.url)).toBe(await loadAuthClient(auth.url));
    const client = deferredAuthClient(auth.url);
    expect(await Promise.resolve(client)).toBe(client);
  });

  it("asks the JWT plugin's token() for an access token, and says so when there is no session", async () => {
    await expect(fetchAccessToken(deferredAuthClient(auth.url))).rejects.toBeInstanceOf(SignedOutError);
  });
});
