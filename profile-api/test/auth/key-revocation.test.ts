import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startAuthServer } from "@textbook/auth-server/testing";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startProfileApi } from "../../src/testing/start-profile-api.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const WEBSITE_URL = "http://localhost:3999";
const AUDIENCE = "http://profile-api.revocation";
// Short, so the test runs in seconds; production's default is 5m.
const JWKS_CACHE_TTL_SECONDS = 3;

let database: TestDatabase;
let dataDir: string;
let auth: { url: string; close(): Promise<void> };
let api: { url: string; close(): Promise<void> };

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "key-revocation-"));
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
    JWKS_CACHE_TTL: `${JWKS_CACHE_TTL_SECONDS}s`,
  });
});
afterAll(async () => {
  await api?.close();
  await auth?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs the real command, `npm run keys -w auth-server -- …`, on the test database. */
function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      "npm",
      ["run", "--silent", "keys", "-w", "auth-server", "--", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL_UNPOOLED: database.url } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Signs a learner up and returns their session cookie. */
async function signUp(email: string): Promise<string> {
  const response = await fetch(`${auth.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEBSITE_URL },
    body: JSON.stringify({ email, password: "correct horse battery staple", name: "Learner" }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

async function accessToken(cookie: string): Promise<string> {
  const response = await fetch(`${auth.url}/api/auth/token`, { headers: { cookie, origin: WEBSITE_URL } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const kidOf = (token: string) => decodeProtectedHeader(token).kid;
/** The profile-api's answer to the token: 404 (no profile yet) when it accepts it, 401 when it refuses it. */
const statusFor = async (token: string) =>
  (await fetch(`${api.url}/v1/profiles/me`, { headers: { authorization: `Bearer ${token}` } })).status;

describe("signing keys managed with `npm run keys -w auth-server`", () => {
  it("rotates: a new key signs now, and tokens of the old one keep working through the grace period", async () => {
    const cookie = await signUp("rotation@example.com");
    const before = await accessToken(cookie);
    expect(await statusFor(before)).toBe(404);

    const rotation = await keys("rotate");
    expect(rotation.code, rotation.stderr).toBe(0);
    expect(rotation.stdout).toContain(`${kidOf(before)} signs no more`);
    const newKid = /^(\S+) signs now\.$/m.exec(rotation.stdout)?.[1];
    expect(newKid).toBeTruthy();
    expect(newKid).not.toBe(kidOf(before));

    const listed = await keys("list");
    expect(listed.stdout).toMatch(new RegExp(`^${kidOf(before)} +\\S+ +retired `, "m"));
    expect(listed.stdout).toMatch(new RegExp(`^${newKid} +\\S+ +signing `, "m"));
    const after = await vi.waitFor(
      async () => {
        const token = await accessToken(cookie);
        expect(kidOf(token)).toBe(newKid);
        return token;
      },
      { timeout: 10_000, interval: 250 },
    );
    await vi.waitFor(async () => expect(await statusFor(after)).toBe(404), { timeout: 6_000, interval: 200 });
    expect(await statusFor(before)).toBe(404);
  });

  it(`revokes: a running profile-api refuses the key's tokens within JWKS_CACHE_TTL + 5 s, and accepts the next key's`, async () => {
    const cookie = await signUp("revocation@example.com");
    const leaked = await accessToken(cookie);
    const leakedKid = String(kidOf(leaked));
    // Accepted, and so remembered by the profile-api's verified-token cache.
    expect(await statusFor(leaked)).toBe(404);
    expect(await statusFor(leaked)).toBe(404);

    const revocation = await keys("revoke", leakedKid, "--yes", "--no-wait");
    expect(revocation.code, revocation.stderr).toBe(0);
    const revokedAt = Date.now();
    const limitMs = (JWKS_CACHE_TTL_SECONDS + 5) * 1000;
    await vi.waitFor(async () => expect(await statusFor(leaked)).toBe(401), {
      timeout: limitMs,
      interval: 200,
    });
    expect(Date.now() - revokedAt).toBeLessThan(limitMs);

    const next = await vi.waitFor(
      async () => {
        const token = await accessToken(cookie);
        expect(kidOf(token)).not.toBe(leakedKid);
        return token;
      },
      { timeout: 10_000, interval: 250 },
    );
    // A key the profile-api has not seen is fetched at once, or, if it fetched less than the 5-second unknown-kid
    // cooldown ago, at the end of the cooldown.
    await vi.waitFor(async () => expect(await statusFor(next)).toBe(404), { timeout: 6_000, interval: 200 });
    expect(await statusFor(leaked)).toBe(401);
    const listed = JSON.parse((await keys("list", "--json")).stdout) as { kid: string; state: string }[];
    expect(listed.map((key) => key.kid)).not.toContain(leakedKid);
    expect(listed).toContainEqual(expect.objectContaining({ kid: kidOf(next), state: "signing" }));
  });
});
