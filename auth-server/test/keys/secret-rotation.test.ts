import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from "jose";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastMail } from "../../src/testing/outbox.js";
import { startAuthServer } from "../../src/testing/start-auth-server.js";
import { createTestClient } from "../support/auth-client.js";
import { testEnvironment } from "../support/test-environment.js";

type Server = { url: string; close(): Promise<void> };

const OLD_SECRET = "the-secret-before-the-rotation-0123456789";
const NEW_SECRET = "the-secret-after-the-rotation-0123456789";
const NEXT_SECRET = "the-secret-of-the-rotation-after-that-0123456789";
const PASSWORD = "rotate the secret 1";
// One issuer for every instance, as behind one public URL; each test instance listens on a port of its own.
const ISSUER = "https://auth.textbook.test";

const kid = (token: string) => decodeProtectedHeader(token).kid;
const fetchJwks = async (server: Server) =>
  (await (await fetch(`${server.url}/api/auth/jwks`)).json()) as JSONWebKeySet;

/** Runs a story of auth-servers on one database: each test starts and stops the instances it needs. */
function rotationStory(extraEnv: Record<string, string>) {
  const story = {
    database: undefined as unknown as TestDatabase,
    pool: undefined as unknown as pg.Pool,
    environment: undefined as unknown as ReturnType<typeof testEnvironment>,
    running: new Set<Server>(),
    async start(env: Record<string, string | undefined>): Promise<Server> {
      const server = await startAuthServer({ ...story.environment.env, ...env });
      story.running.add(server);
      return server;
    },
    async stop(server: Server): Promise<void> {
      story.running.delete(server);
      await server.close();
    },
    client: (server: Server) => createTestClient(server.url, story.environment.env.WEBSITE_URL as string),
    verify: async (token: string, server: Server) =>
      jwtVerify(token, createLocalJWKSet(await fetchJwks(server)), {
        issuer: ISSUER,
        audience: story.environment.env.PROFILE_API_URL,
        algorithms: ["RS256"],
      }),
  };
  beforeAll(async () => {
    story.database = await createTestDatabase();
    story.pool = createPool({ connectionString: story.database.url, max: 1 });
    story.environment = testEnvironment(story.database.url, {
      RATE_LIMIT_ENABLED: "false",
      JWT_ISSUER: ISSUER,
      BETTER_AUTH_SECRET: OLD_SECRET,
      ...extraEnv,
    });
  });
  afterAll(async () => {
    await Promise.all([...story.running].map((server) => server.close()));
    await story.pool?.end();
    await story.database?.drop();
    story.environment?.remove();
  });
  return story;
}

describe("rotating BETTER_AUTH_SECRET with versioned secrets (BETTER_AUTH_SECRETS)", () => {
  const story = rotationStory({ REQUIRE_EMAIL_VERIFICATION: "true" });
  let oldServer: Server;
  let newServer: Server;
  let learner: ReturnType<typeof story.client>;
  let tokenBefore: string;
  let pendingLink: string;

  beforeAll(async () => {
    oldServer = await story.start({});
    learner = story.client(oldServer);
    await learner.client.signUp.email({ email: "ada@example.com", password: PASSWORD, name: "Ada" });
    const adaLink = (await lastMail(story.environment.outboxDir, "ada@example.com", "Confirm")).link;
    await fetch(adaLink, { redirect: "manual" });
    await learner.client.signIn.email({ email: "ada@example.com", password: PASSWORD });
    tokenBefore = (await learner.client.token()).data?.token as string;
    // Ben signs up but has not opened his verification link when the secret changes.
    await story
      .client(oldServer)
      .client.signUp.email({ email: "ben@example.com", password: PASSWORD, name: "Ben" });
    pendingLink = (await lastMail(story.environment.outboxDir, "ben@example.com", "Confirm")).link;
  });

  it("starts with the new secret first beside an instance still on the old one, both signing with the stored key", async () => {
    newServer = await story.start({ BETTER_AUTH_SECRETS: `1:${NEW_SECRET}` });
    const onNew = story.client(newServer);
    await onNew.client.signIn.email({ email: "ada@example.com", password: PASSWORD });
    const fromNew = (await onNew.client.token()).data?.token as string;
    const fromOld = (await learner.client.token()).data?.token as string;

    expect(kid(fromNew)).toBe(kid(tokenBefore));
    expect(kid(fromOld)).toBe(kid(tokenBefore));
    expect(await fetchJwks(newServer)).toEqual(await fetchJwks(oldServer));
    await story.stop(oldServer);
  });

  it("still verifies a JWT issued before the change against the JWKS", async () => {
    await expect(story.verify(tokenBefore, newServer)).resolves.toBeTruthy();
  });

  it("signs in with the password after the change and issues JWTs that verify against the JWKS", async () => {
    const { client } = story.client(newServer);
    expect((await client.signIn.email({ email: "ada@example.com", password: PASSWORD })).error).toBeNull();
    const token = (await client.token()).data?.token as string;
    const { payload } = await story.verify(token, newServer);
    expect(payload.email).toBe("ada@example.com");
  });

  it("refuses a session cookie signed with the old secret: the learner signs in again", async () => {
    const session = await fetch(`${newServer.url}/api/auth/get-session`, {
      headers: { cookie: learner.cookieHeader() },
    });
    expect(await session.json()).toBeNull();
    const token = await fetch(`${newServer.url}/api/auth/token`, {
      headers: { cookie: learner.cookieHeader() },
    });
    expect(token.status).toBe(401);
  });

  it("refuses a verification link mailed before the change, and a new link works", async () => {
    const stale = new URL(pendingLink);
    await fetch(new URL(stale.pathname + stale.search, newServer.url), { redirect: "manual" });
    const verified = async () =>
      (await story.pool.query(`SELECT "emailVerified" FROM "user" WHERE email = 'ben@example.com'`)).rows[0]
        .emailVerified;
    expect(await verified()).toBe(false);

    await story.client(newServer).client.sendVerificationEmail({ email: "ben@example.com" });
    const fresh = await lastMail(story.environment.outboxDir, "ben@example.com", "Confirm", 1);
    await fetch(fresh.link, { redirect: "manual" });
    expect(await verified()).toBe(true);
  });

  it("refuses to start, naming the secrets, when BETTER_AUTH_SECRET is dropped while the key it encrypted still signs", async () => {
    await expect(
      story.start({ BETTER_AUTH_SECRETS: `1:${NEW_SECRET}`, BETTER_AUTH_SECRET: NEXT_SECRET }),
    ).rejects.toThrow(/BETTER_AUTH_SECRETS/);
  });

  it("encrypts the keys it creates after the change with the new secret's version", async () => {
    await story.stop(newServer);
    // Under a 2-second rotation interval the stored key has ended: the server makes the next one at start.
    const { rows: stored } = await story.pool.query(`SELECT "createdAt" FROM jwks WHERE id = $1`, [
      kid(tokenBefore),
    ]);
    const ended = (stored[0].createdAt as Date).getTime() + 2_100;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ended - Date.now())));
    newServer = await story.start({
      BETTER_AUTH_SECRETS: `1:${NEW_SECRET}`,
      JWT_KEY_ROTATION_INTERVAL: "2s",
    });
    const { client } = story.client(newServer);
    await client.signIn.email({ email: "ada@example.com", password: PASSWORD });
    const token = (await client.token()).data?.token as string;

    expect(kid(token)).not.toBe(kid(tokenBefore));
    const { rows } = await story.pool.query(`SELECT "privateKey" FROM jwks WHERE id = $1`, [kid(token)]);
    expect(JSON.parse(rows[0].privateKey)).toMatch(/^\$ba\$1\$/);
    await expect(story.verify(token, newServer)).resolves.toBeTruthy();
    await expect(story.verify(tokenBefore, newServer)).resolves.toBeTruthy();
  });

  it("starts without BETTER_AUTH_SECRET once no signing key needs it, with a newer secret in front", async () => {
    await story.stop(newServer);
    const next = await story.start({
      BETTER_AUTH_SECRETS: `2:${NEXT_SECRET},1:${NEW_SECRET}`,
      BETTER_AUTH_SECRET: undefined,
    });
    const { client } = story.client(next);
    expect((await client.signIn.email({ email: "ada@example.com", password: PASSWORD })).error).toBeNull();
    const token = (await client.token()).data?.token as string;
    await expect(story.verify(token, next)).resolves.toBeTruthy();
    await expect(story.verify(tokenBefore, next)).resolves.toBeTruthy();
  });
});

describe("rotating BETTER_AUTH_SECRET by retiring the stored keys (a leaked secret, a copied database)", () => {
  const story = rotationStory({ REQUIRE_EMAIL_VERIFICATION: "false" });
  let learner: ReturnType<typeof story.client>;
  let tokenBefore: string;

  beforeAll(async () => {
    const server = await story.start({});
    learner = story.client(server);
    await learner.client.signUp.email({ email: "cy@example.com", password: PASSWORD, name: "Cy" });
    tokenBefore = (await learner.client.token()).data?.token as string;
    await story.stop(server);
  });

  it("refuses to start with a plain new BETTER_AUTH_SECRET while the stored key still signs, saying why", async () => {
    await expect(story.start({ BETTER_AUTH_SECRET: NEW_SECRET })).rejects.toThrow(
      /Failed to decrypt private key[\s\S]*BETTER_AUTH_SECRET/,
    );
  });

  it("starts with only the new secret once the keys are retired, signs with a new key and keeps old JWTs verifiable", async () => {
    await story.pool.query(
      `UPDATE jwks SET "expiresAt" = now() WHERE "expiresAt" IS NULL OR "expiresAt" > now()`,
    );
    const server = await story.start({ BETTER_AUTH_SECRET: NEW_SECRET });
    const { client } = story.client(server);
    expect((await client.signIn.email({ email: "cy@example.com", password: PASSWORD })).error).toBeNull();
    const token = (await client.token()).data?.token as string;

    expect(kid(token)).not.toBe(kid(tokenBefore));
    await expect(story.verify(token, server)).resolves.toBeTruthy();
    await expect(story.verify(tokenBefore, server)).resolves.toBeTruthy();
    const oldSession = await fetch(`${server.url}/api/auth/get-session`, {
      headers: { cookie: learner.cookieHeader() },
    });
    expect(await oldSession.json()).toBeNull();
  });
});
