import type { TestDatabase } from "@textbook/migrations/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthServer } from "../src/testing/start-auth-server.js";
import { type AuthServerUnderTest, startAuthServerUnderTest } from "./support/auth-server-under-test.js";
import { type DatabaseProxy, startDatabaseProxy } from "./support/database-proxy.js";

const PASSWORD = "sessions password 1";

describe("sessions and tokens: caching, bans, account deletion, sign-up in an outage", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let environment: AuthServerUnderTest["environment"];
  let server: AuthServerUnderTest["server"];
  let underTest: AuthServerUnderTest;
  let website: string;

  const call = (path: string, init: { body?: object; cookie?: string } = {}) =>
    fetch(`${server.url}/api/auth${path}`, {
      method: init.body ? "POST" : "GET",
      headers: {
        "content-type": "application/json",
        origin: website,
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
  const cookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
  /** Signs a new learner up (verification is off: sign-up signs in); returns the user id and session cookie. */
  const newLearner = async (email: string) => {
    const response = await call("/sign-up/email", { body: { email, password: PASSWORD, name: "Learner" } });
    expect(response.status).toBe(200);
    const { user } = (await response.json()) as { user: { id: string } };
    return { id: user.id, cookie: cookieOf(response) };
  };
  const sessionsOf = async (userId: string) =>
    (await pool.query(`SELECT count(*)::int AS n FROM session WHERE "userId" = $1`, [userId])).rows[0].n;

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest({
      RATE_LIMIT_ENABLED: "false",
      REQUIRE_EMAIL_VERIFICATION: "false",
    });
    ({ server, pool, database, environment, website } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it("answers /api/auth/token with Cache-Control: no-store", async () => {
    const { cookie } = await newLearner("cached@example.com");
    const response = await call("/token", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("gives a learner banned in the database (as the migration bans) no JWT and no session, ending the ones they had", async () => {
    const { id, cookie } = await newLearner("banned-in-db@example.com");
    expect((await call("/token", { cookie })).status).toBe(200);
    await pool.query(`UPDATE "user" SET banned = true, "banReason" = 'spam' WHERE id = $1`, [id]);

    const token = await call("/token", { cookie });
    expect(token.status).toBe(403);
    expect(await token.json()).toMatchObject({ code: "BANNED_USER" });
    const session = await call("/get-session", { cookie });
    expect(session.status).toBe(200);
    expect(await session.json()).toBeNull();
    expect(session.headers.get("set-auth-jwt")).toBeNull();
    expect(await sessionsOf(id)).toBe(0);
    const signIn = await call("/sign-in/email", {
      body: { email: "banned-in-db@example.com", password: PASSWORD },
    });
    expect(signIn.status).toBe(403);
    expect(await signIn.json()).toMatchObject({ code: "BANNED_USER" });
  });

  it("answers get-session with no session and no JWT for a banned learner, whichever request comes first", async () => {
    const { id, cookie } = await newLearner("banned-session@example.com");
    await pool.query(`UPDATE "user" SET banned = true WHERE id = $1`, [id]);
    const session = await call("/get-session", { cookie });
    expect(await session.json()).toBeNull();
    expect(session.headers.get("set-auth-jwt")).toBeNull();
    expect((await call("/token", { cookie })).status).toBe(401);
  });

  it("gives a learner banned through the admin API no JWT and no new session", async () => {
    const admin = await newLearner("admin@example.com");
    await pool.query(`UPDATE "user" SET role = 'admin' WHERE id = $1`, [admin.id]);
    const learner = await newLearner("banned-by-admin@example.com");
    const ban = await call("/admin/ban-user", { body: { userId: learner.id }, cookie: admin.cookie });
    expect(ban.status).toBe(200);
    expect((await call("/token", { cookie: learner.cookie })).status).toBe(401);
    const signIn = await call("/sign-in/email", {
      body: { email: "banned-by-admin@example.com", password: PASSWORD },
    });
    expect(signIn.status).toBe(403);
  });

  it("deletes an account with a password only when the password is given again", async () => {
    const { id, cookie } = await newLearner("deleter@example.com");
    const without = await call("/delete-user", { body: {}, cookie });
    expect(without.status).toBe(400);
    expect(await without.json()).toMatchObject({ code: "USER_ALREADY_HAS_PASSWORD" });
    const wrong = await call("/delete-user", { body: { password: "not the password" }, cookie });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_PASSWORD" });
    expect((await pool.query(`SELECT 1 FROM "user" WHERE id = $1`, [id])).rowCount).toBe(1);

    expect((await call("/delete-user", { body: { password: PASSWORD }, cookie })).status).toBe(200);
    expect((await pool.query(`SELECT 1 FROM "user" WHERE id = $1`, [id])).rowCount).toBe(0);
  });

  it("deletes an account without a password only within 10 minutes of signing in", async () => {
    const social = async (email: string) => {
      const learner = await newLearner(email);
      // A learner who only ever signed in with GitHub: an account without a password.
      await pool.query(
        `UPDATE account SET "providerId" = 'github', "accountId" = $2, password = NULL WHERE "userId" = $1`,
        [learner.id, `gh-${email}`],
      );
      return learner;
    };
    const stale = await social("stale@example.com");
    await pool.query(`UPDATE session SET "createdAt" = now() - interval '11 minutes' WHERE "userId" = $1`, [
      stale.id,
    ]);
    const refused = await call("/delete-user", { body: {}, cookie: stale.cookie });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "SESSION_EXPIRED" });
    expect((await pool.query(`SELECT 1 FROM "user" WHERE id = $1`, [stale.id])).rowCount).toBe(1);

    const fresh = await social("fresh@example.com");
    expect((await call("/delete-user", { body: {}, cookie: fresh.cookie })).status).toBe(200);
    expect((await pool.query(`SELECT 1 FROM "user" WHERE id = $1`, [fresh.id])).rowCount).toBe(0);
  });

  describe("while the database is unreachable", () => {
    let proxy: DatabaseProxy;
    let outage: { url: string; close(): Promise<void> };

    beforeAll(async () => {
      proxy = await startDatabaseProxy(database.url);
      outage = await startAuthServer({ ...environment.env, DATABASE_URL: proxy.url });
    });
    afterAll(async () => {
      await outage?.close();
      await proxy?.close();
    });

    it.each([
      [
        "the connection is reset as the user is inserted",
        (p: DatabaseProxy) => p.goDownAt('insert into "user"'),
      ],
      ["PostgreSQL shuts down as the user is inserted", (p: DatabaseProxy) => p.cutAt('insert into "user"')],
      ["no connection can be made", (p: DatabaseProxy) => p.goDown()],
    ])(
      "answers a sign-up 503 DATABASE_UNAVAILABLE when %s, and signs up once it is back",
      async (_case, fault) => {
        const email = `outage-${Math.random().toString(36).slice(2)}@example.com`;
        const signUp = () =>
          fetch(`${outage.url}/api/auth/sign-up/email`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: website },
            body: JSON.stringify({ email, password: PASSWORD, name: "Outage" }),
          });
        fault(proxy);
        const response = await signUp();
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({
          code: "DATABASE_UNAVAILABLE",
          requestId: expect.any(String),
        });

        proxy.comeBack();
        expect((await signUp()).status).toBe(200);
      },
    );
  });
});
