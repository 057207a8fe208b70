import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAuthServer } from "@textbook/auth-server/testing";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProfileApi } from "../src/testing/start-profile-api.js";
import { json } from "./helpers/profile-api-under-test.js";

const WEBSITE_URL = "http://localhost:3999";
const AUDIENCE = "http://profile-api.e2e";

let database: TestDatabase;
let dataDir: string;
let auth: { url: string; close(): Promise<void> };
let api: { url: string; close(): Promise<void> };

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "profile-api-e2e-"));
  auth = await startAuthServer({
    DATABASE_URL: database.url,
    WEBSITE_URL,
    PROFILE_API_URL: AUDIENCE,
    REQUIRE_EMAIL_VERIFICATION: "false",
    DATA_DIR: dataDir,
    OUTBOX_DIR: join(dataDir, "outbox"),
  });
  api = await startProfileApi({
    DATABASE_URL: database.url,
    BETTER_AUTH_URL: auth.url,
    JWT_AUDIENCE: AUDIENCE,
    WEBSITE_URL,
  });
});
afterAll(async () => {
  await api?.close();
  await auth?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Signs a new learner up as the website would, and returns an access token from the auth-server. */
async function signUpAndGetToken(email: string): Promise<string> {
  const signUp = await fetch(`${auth.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEBSITE_URL },
    body: JSON.stringify({ email, password: "correct horse battery staple", name: "New Learner" }),
  });
  expect(signUp.status).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const token = await fetch(`${auth.url}/api/auth/token`, { headers: { cookie, origin: WEBSITE_URL } });
  expect(token.status).toBe(200);
  return ((await token.json()) as { token: string }).token;
}

describe("with the real auth-server", () => {
  it("accepts its tokens: a new learner creates, reads and exports a profile", async () => {
    const token = await signUpAndGetToken("new.learner@example.com");
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    expect((await fetch(`${api.url}/v1/profiles/me`, { headers })).status).toBe(404);
    const created = await fetch(`${api.url}/v1/profiles/me`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ displayName: "New Learner", softwareBackground: "beginner" }),
    });
    expect(created.status).toBe(201);
    const exported = await json(await fetch(`${api.url}/v1/me/export`, { headers }));
    expect(exported.account).toMatchObject({ email: "new.learner@example.com", name: "New Learner" });
    expect(exported.profile).toMatchObject({ displayName: "New Learner", softwareBackground: "beginner" });
  });

  it("is ready once it has the auth-server's signing keys", async () => {
    const ready = await fetch(`${api.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ok", checks: { database: "ok", signingKeys: "ok" } });
  });
});
