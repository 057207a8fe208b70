import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { startProfileApi } from "../../src/testing/start-profile-api.js";
import {
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
  WEBSITE_URL,
} from "../helpers/profile-api-under-test.js";
import { AUDIENCE, ISSUER } from "../helpers/token-issuer.js";

// Redis is optional (REDIS_URL): these tests need a server, which CI has and a laptop may not. Without it the
// per-instance limit is covered by the rest of the suite.
describe.runIf(process.env.TEST_REDIS_URL)("the per-user rate limit with Redis", () => {
  const redisUrl = process.env.TEST_REDIS_URL as string;
  // One prefix per run, so parallel runs on the same Redis never share counters.
  const keyPrefix = `test:profile-api:${randomUUID()}:`;
  const redisEnv = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix, PROFILE_API_RATE_LIMIT: "4" };
  let first: ProfileApiUnderTest;
  let second: { url: string; close(): Promise<void> };
  let redis: Redis;

  beforeAll(async () => {
    first = await startProfileApiUnderTest(redisEnv);
    second = await startProfileApi({
      DATABASE_URL: first.database.url,
      JWKS_URL: first.issuer.jwksUrl,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      WEBSITE_URL,
      ...redisEnv,
    });
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    const keys = await redis?.keys(`${keyPrefix}*`);
    if (keys?.length) await redis.del(...keys);
    redis?.disconnect();
  });

  it("trips for a user whichever instance the requests hit, and not for another user", async () => {
    const user = await first.createUser();
    const other = await first.createUser();
    const get = (base: string, token: string) =>
      fetch(`${base}/v1/profiles/me`, { headers: { authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let request = 0; request < 5; request++) {
      statuses.push((await get(request % 2 === 0 ? first.url : second.url, user.token)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 429]);
    expect((await get(second.url, other.token)).status).toBe(404);
    expect((await redis.keys(`${keyPrefix}profile-api:rate-limit:*`)).length).toBeGreaterThan(0);
  });
});

describe("the REDIS_URL setting", () => {
  const base = { DATABASE_URL: "postgres://u@localhost/db" };

  it("leaves Redis off when unset, so each instance counts on its own", () => {
    expect(parseConfig(base).redis).toBeUndefined();
  });

  it("stops the service at start when it is not a redis:// URL, without echoing it", () => {
    expect(() => parseConfig({ ...base, REDIS_URL: "http://user:secret@cache:6379" })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL \(got \(hidden\)\)/,
    );
  });
});
