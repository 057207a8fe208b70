import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from "jose";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startAuthServer } from "../../src/testing/start-auth-server.js";
import { createTestClient } from "../support/auth-client.js";
import { testEnvironment } from "../support/test-environment.js";

type Server = { url: string; close(): Promise<void> };

const fetchJwks = async (server: Server) =>
  (await (await fetch(`${server.url}/api/auth/jwks`)).json()) as JSONWebKeySet;

describe("the signing keys", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let environment: ReturnType<typeof testEnvironment>;
  const servers: Server[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 1 });
    environment = testEnvironment(database.url, {
      REQUIRE_EMAIL_VERIFICATION: "false",
      RATE_LIMIT_ENABLED: "false",
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await pool?.end();
    await database?.drop();
    environment?.remove();
  });

  it("are created exactly once when several instances start together on an empty table", async () => {
    servers.push(...(await Promise.all([1, 2, 3].map(() => startAuthServer(environment.env)))));
    const { rows } = await pool.query("SELECT id, alg FROM jwks");
    expect(rows).toEqual([{ id: expect.any(String), alg: "RS256" }]);
    const served = await Promise.all(servers.map(fetchJwks));
    for (const jwks of served) expect(jwks.keys.map((key) => key.kid)).toEqual([rows[0].id]);
    // Three instances each start a pool and race for the lock: slow on a loaded 2-core CI machine.
  }, 90_000);

  it("are served with a Cache-Control max-age and an ETag that revalidates", async () => {
    const [server] = servers as [Server];
    const first = await fetch(`${server.url}/api/auth/jwks`);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = first.headers.get("etag") as string;
    const again = await fetch(`${server.url}/api/auth/jwks`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("rotate on schedule while tokens signed by the old key stay valid through the grace period", async () => {
    const rotating = await startAuthServer({
      ...environment.env,
      JWT_KEY_ROTATION_INTERVAL: "2s",
      JWT_TTL: "1m",
    });
    servers.push(rotating);
    const { client } = createTestClient(rotating.url, environment.env.WEBSITE_URL as string);
    await client.signUp.email({ email: "kim@example.com", password: "rotation test 1", name: "Kim" });
    // Under this instance's 2-second policy every key ends 2 s after its start: after one interval the key made
    // by the earlier instances has ended, and a token comes from a key this policy made. The rotation reads the
    // time in SQL (jwks-table.ts) as well as in the process, so the test waits for it rather than faking a clock.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const before = (await client.token()).data?.token as string;
    const after = await vi.waitFor(
      async () => {
        const token = (await client.token()).data?.token as string;
        expect(decodeProtectedHeader(token).kid, "the next key signs").not.toBe(
          decodeProtectedHeader(before).kid,
        );
        return token;
      },
      { timeout: 10_000, interval: 200 },
    );

    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    const jwks = await fetchJwks(rotating);
    const kids = jwks.keys.map((key) => key.kid);
    expect(kids).toEqual(
      expect.arrayContaining([decodeProtectedHeader(before).kid, decodeProtectedHeader(after).kid]),
    );
    const keys = createLocalJWKSet(jwks);
    const options = {
      issuer: rotating.url,
      audience: environment.env.PROFILE_API_URL,
      algorithms: ["RS256"],
    };
    await expect(jwtVerify(before, keys, options)).resolves.toBeTruthy();
    await expect(jwtVerify(after, keys, options)).resolves.toBeTruthy();
  });
});
