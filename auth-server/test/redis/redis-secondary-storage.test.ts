import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "../support/auth-server-under-test.js";

// Redis is optional (REDIS_URL): these tests need a server, which CI has and a laptop may not. The rest of the
// suite covers the same behaviour on Postgres alone.
describe.runIf(process.env.TEST_REDIS_URL)("two auth-server instances sharing Redis", () => {
  const redisUrl = process.env.TEST_REDIS_URL as string;
  // One prefix per run, so parallel runs on the same Redis never see each other's keys.
  const keyPrefix = `test:auth-server:${randomUUID()}:`;
  let underTest: AuthServerUnderTest;
  let redis: Redis;
  let pool: pg.Pool;
  let first: RunningAuthServer;
  let second: RunningAuthServer;
  let website: string;

  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website, ...headers },
      body: JSON.stringify(body),
    });
  const prefixedKeys = async () =>
    (await redis.keys(`${keyPrefix}*`)).map((key) => key.slice(keyPrefix.length));

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest({
      REQUIRE_EMAIL_VERIFICATION: "false",
      TRUST_PROXY: "true",
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: keyPrefix,
    });
    ({ server: first, pool, website } = underTest);
    second = await underTest.startAnother();
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    await underTest?.close();
    const keys = await redis?.keys(`${keyPrefix}*`);
    if (keys?.length) await redis.del(...keys);
    redis?.disconnect();
  });

  it("keeps the session in Redis and the database, and either instance honours it until sign-out", async () => {
    const email = `redis-${randomUUID()}@example.com`;
    const signUp = await post(
      first.url,
      "/sign-up/email",
      { email, password: "a long password", name: "Redis Learner" },
      { "x-forwarded-for": "192.0.2.10" },
    );
    expect(signUp.status).toBe(200);
    const { token } = (await signUp.json()) as { token: string };
    const cookie = signUp.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");

    expect(await prefixedKeys()).toContain(token);
    const rows = await pool.query('SELECT 1 FROM "session" WHERE token = $1', [token]);
    expect(rows.rowCount).toBe(1);

    const jwt = await fetch(`${second.url}/api/auth/token`, { headers: { cookie, origin: website } });
    expect(jwt.status).toBe(200);

    const signOut = await fetch(`${second.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie, origin: website },
    });
    expect(signOut.status).toBe(200);
    expect(await prefixedKeys()).not.toContain(token);
    const after = await fetch(`${first.url}/api/auth/token`, { headers: { cookie, origin: website } });
    expect(after.status).toBe(401);
  });

  it("counts sign-in attempts in Redis, so the limit trips whichever instance the attempts hit", async () => {
    const body = { email: "nobody@example.com", password: "wrong password" };
    const headers = { "x-forwarded-for": "192.0.2.77" };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const instance = attempt % 2 === 0 ? first : second;
      statuses.push((await post(instance.url, "/sign-in/email", body, headers)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await prefixedKeys()).some((key) => key.includes("192.0.2.77"))).toBe(true);
    const stored = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "rateLimit"');
    expect(stored.rows[0]?.n).toBe(0);
  });

  it("reports ready when the database, a signing key and Redis all answer", async () => {
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
  });
});

describe("the REDIS_URL setting", () => {
  const base = { DATABASE_URL: "postgres://u@localhost/db", BETTER_AUTH_SECRET: "x".repeat(32) };

  it("leaves Redis off when unset, so Postgres alone holds sessions and rate limits", () => {
    expect(loadConfig(base).redis).toBeUndefined();
  });

  it("stops the server at start when it is not a redis:// URL, naming the variable", () => {
    expect(() => loadConfig({ ...base, REDIS_URL: "http://cache:6379" })).toThrow(/REDIS_URL/);
  });
});
