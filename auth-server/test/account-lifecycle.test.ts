import { createRemoteJWKSet, jwtVerify } from "jose";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastMail } from "../src/testing/outbox.js";
import { createTestClient } from "./support/auth-client.js";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "./support/auth-server-under-test.js";

const PASSWORD = "correct horse battery";

describe("a learner's account, driven over HTTP with Better Auth's client", () => {
  let underTest: AuthServerUnderTest;
  let pool: pg.Pool;
  let environment: AuthServerUnderTest["environment"];
  let server: RunningAuthServer;
  let website: string;
  const newClient = () => createTestClient(server.url, website);

  beforeAll(async () => {
    // The limits have their own tests (abuse.test.ts); here they would only make the story flaky.
    underTest = await startAuthServerUnderTest({ RATE_LIMIT_ENABLED: "false" });
    ({ server, pool, environment, website } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it("needs a verified e-mail before sign-in, and the outbox link verifies it and signs the user in", async () => {
    const { client, cookieNames } = newClient();
    const signUp = await client.signUp.email({
      email: "grace@example.com",
      password: PASSWORD,
      name: "Grace",
    });
    expect(signUp.error).toBeNull();
    expect(cookieNames()).not.toContain("better-auth.session_token");

    const early = await client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    expect(early.error).toMatchObject({ status: 403, code: "EMAIL_NOT_VERIFIED" });

    const mail = await lastMail(environment.outboxDir, "grace@example.com", "Confirm");
    const verified = await fetch(mail.link, { redirect: "manual" });
    expect(verified.status).toBe(302);
    expect(verified.headers.getSetCookie().join()).toMatch(/better-auth\.session_token=/);
    const { rows } = await pool.query(`SELECT "emailVerified" FROM "user" WHERE email = $1`, [
      "grace@example.com",
    ]);
    expect(rows[0].emailVerified).toBe(true);
  });

  it("signs in with httpOnly, SameSite=Lax cookies and issues a JWT that verifies against the JWKS", async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ email: "grace@example.com", password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith("better-auth.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const { client } = newClient();
    await client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    const session = await client.getSession();
    const { data } = await client.token();
    const jwks = createRemoteJWKSet(new URL(`${server.url}/api/auth/jwks`));
    const { payload, protectedHeader } = await jwtVerify(data?.token as string, jwks, {
      algorithms: ["RS256"],
      issuer: server.url,
      audience: environment.env.PROFILE_API_URL,
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: expect.any(String) });
    expect(payload).toMatchObject({ sub: session.data?.user.id, email: "grace@example.com", name: "Grace" });
    expect(payload.emailVerified).toBe(true);
    expect(Object.keys(payload).sort()).toEqual([
      "aud",
      "email",
      "emailVerified",
      "exp",
      "iat",
      "iss",
      "name",
      "sub",
    ]);
    expect((payload.exp as number) - (payload.iat as number)).toBe(15 * 60);
  });

  it("sends the JWT in the set-auth-jwt header of get-session, readable by the website", async () => {
    const { client, lastJwt } = newClient();
    await client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    await client.getSession();
    expect(lastJwt()).toMatch(/^ey/);
  });

  it("lists the sessions of every device and revokes one of them", async () => {
    const laptop = newClient();
    const phone = newClient();
    await laptop.client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    await phone.client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    const phoneSession = await phone.client.getSession();

    const listed = await laptop.client.listSessions();
    expect(listed.data?.map((session) => session.token)).toContain(phoneSession.data?.session.token);

    const revoked = await laptop.client.revokeSession({ token: phoneSession.data?.session.token as string });
    expect(revoked.error).toBeNull();
    expect((await phone.client.getSession()).data).toBeNull();
    expect((await laptop.client.getSession()).data?.user.email).toBe("grace@example.com");
  });

  it("ends the session at sign-out at once: the token endpoint refuses right after", async () => {
    const { client, cookieHeader } = newClient();
    await client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    const cookies = cookieHeader();
    expect((await client.token()).data?.token).toBeTruthy();
    await client.signOut();
    const after = await fetch(`${server.url}/api/auth/token`, {
      headers: { cookie: cookies, origin: website },
    });
    expect(after.status).toBe(401);
  });

  it("resets a forgotten password with the link from the outbox", async () => {
    const { client } = newClient();
    const requested = await client.requestPasswordReset({
      email: "grace@example.com",
      redirectTo: `${website}/reset-password`,
    });
    expect(requested.error).toBeNull();
    const mail = await lastMail(environment.outboxDir, "grace@example.com", "Reset");
    const token = new URL(mail.link).pathname.split("/").at(-1) as string;

    const reset = await client.resetPassword({ newPassword: "a brand new secret", token });
    expect(reset.error).toBeNull();
    const old = await client.signIn.email({ email: "grace@example.com", password: PASSWORD });
    expect(old.error?.status).toBe(401);
    const fresh = await client.signIn.email({ email: "grace@example.com", password: "a brand new secret" });
    expect(fresh.error).toBeNull();
  });

  it("deletes the account, and the learner profile goes with it", async () => {
    const { client } = newClient();
    await client.signIn.email({ email: "grace@example.com", password: "a brand new secret" });
    const userId = (await client.getSession()).data?.user.id;
    await pool.query("INSERT INTO profile (user_id, display_name) VALUES ($1, 'Grace')", [userId]);

    const deleted = await client.deleteUser({ password: "a brand new secret" });
    expect(deleted.error).toBeNull();
    const left = await pool.query(
      `SELECT (SELECT count(*) FROM "user" WHERE id = $1)::int AS users,
              (SELECT count(*) FROM profile WHERE user_id = $1)::int AS profiles`,
      [userId],
    );
    expect(left.rows[0]).toEqual({ users: 0, profiles: 0 });
  });
});
