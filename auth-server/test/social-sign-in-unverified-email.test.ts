import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MockIdentityProvider,
  startMockIdentityProvider,
} from "../src/testing/mock-identity-provider.js";
import { lastMail } from "../src/testing/outbox.js";
import { startAuthServer } from "../src/testing/start-auth-server.js";
import { completeSocialFlow, sessionUserId } from "./support/social-sign-in-flow.js";
import { testEnvironment } from "./support/test-environment.js";

// An e-mail address the provider does not vouch for proves nothing: whoever signs in with it must not reach an
// account that address owns, nor make the address count as verified (SECURITY.md, "Sign-in providers").
describe("sign-in with a provider that does not mark the e-mail verified", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let provider: MockIdentityProvider;
  let verifying: ReturnType<typeof testEnvironment>;
  let relaxed: ReturnType<typeof testEnvironment>;
  let strictServer: { url: string; close(): Promise<void> };
  let relaxedServer: { url: string; close(): Promise<void> };
  let website: string;

  const oidc = (discoveryUrl: string) => ({
    RATE_LIMIT_ENABLED: "false",
    OIDC_PROVIDER_ID: "school",
    OIDC_DISCOVERY_URL: discoveryUrl,
    OIDC_CLIENT_ID: "textbook",
    OIDC_CLIENT_SECRET: "mock-secret",
  });

  async function createVerifiedPasswordUser(email: string): Promise<string> {
    const signUp = await fetch(`${strictServer.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ email, password: "the owner's password", name: "Owner" }),
    });
    expect(signUp.status).toBe(200);
    const { rows } = await pool.query(
      `UPDATE "user" SET "emailVerified" = true WHERE email = $1 RETURNING id`,
      [email],
    );
    return rows[0].id as string;
  }

  async function userByEmail(email: string) {
    const { rows } = await pool.query(
      `SELECT u.id, u."emailVerified", array_agg(a."providerId" ORDER BY a."providerId") AS providers
         FROM "user" u LEFT JOIN account a ON a."userId" = u.id WHERE u.email = $1 GROUP BY u.id`,
      [email],
    );
    return rows[0] as { id: string; emailVerified: boolean; providers: string[] } | undefined;
  }

  beforeAll(async () => {
    provider = await startMockIdentityProvider();
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 1 });
    verifying = testEnvironment(database.url, {
      ...oidc(provider.discoveryUrl),
      REQUIRE_EMAIL_VERIFICATION: "true",
    });
    relaxed = testEnvironment(database.url, {
      ...oidc(provider.discoveryUrl),
      REQUIRE_EMAIL_VERIFICATION: "false",
    });
    website = verifying.env.WEBSITE_URL as string;
    strictServer = await startAuthServer(verifying.env);
    relaxedServer = await startAuthServer(relaxed.env);
  });
  afterAll(async () => {
    await strictServer?.close();
    await relaxedServer?.close();
    await provider?.stop();
    await pool?.end();
    await database?.drop();
    verifying?.remove();
    relaxed?.remove();
  });

  it.each([
    ["false", false],
    ["absent", undefined],
  ])("never signs in to an existing account when email_verified is %s", async (_label, emailVerified) => {
    const email = `owner-${_label}@example.com`;
    const ownerId = await createVerifiedPasswordUser(email);
    provider.signInAs({ sub: `attacker-${_label}`, email, name: "Attacker", email_verified: emailVerified });

    for (const server of [strictServer, relaxedServer]) {
      const result = await completeSocialFlow({ authUrl: server.url, website, provider: "school" });
      expect(result.sessionCookie).toBeUndefined();
      expect(result.location).toBe(`${website}/login?error=account_not_linked`);
    }
    expect(await userByEmail(email)).toEqual({ id: ownerId, emailVerified: true, providers: ["credential"] });
  });

  it("gives a new account with an unverified address no session until the address is verified", async () => {
    const email = "unverified-newcomer@example.com";
    provider.signInAs({ sub: "newcomer-1", email, name: "Newcomer", email_verified: false });

    const first = await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect(first.sessionCookie).toBeUndefined();
    expect(first.location).toBe(`${website}/login?error=email_not_verified`);
    expect(await userByEmail(email)).toMatchObject({ emailVerified: false, providers: ["school"] });

    // Signing in again through the provider neither verifies the address nor opens a session.
    const again = await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect(again.sessionCookie).toBeUndefined();
    expect((await userByEmail(email))?.emailVerified).toBe(false);

    // The owner of the mailbox verifies it; from then on the provider signs them in.
    const mail = await lastMail(verifying.outboxDir, email, "Confirm your e-mail");
    const verified = await fetch(mail.link as string, { redirect: "manual" });
    expect(verified.status).toBe(302);
    expect((await userByEmail(email))?.emailVerified).toBe(true);
    const after = await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect(after.sessionCookie).toBeDefined();
  });

  it("with verification switched off, signs a new account in but never marks its address verified", async () => {
    const email = "relaxed-newcomer@example.com";
    provider.signInAs({ sub: "newcomer-2", email, name: "Relaxed", email_verified: false });
    const result = await completeSocialFlow({ authUrl: relaxedServer.url, website, provider: "school" });
    expect(result.sessionCookie).toBeDefined();
    const token = await fetch(`${relaxedServer.url}/api/auth/token`, {
      headers: { cookie: result.sessionCookie as string },
    });
    const { token: jwt } = (await token.json()) as { token: string };
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] as string, "base64url").toString());
    expect(payload.emailVerified).toBe(false);
    expect((await userByEmail(email))?.emailVerified).toBe(false);
  });

  it("does not link even a verified provider address to an account whose own address was never verified", async () => {
    const email = "squatted@example.com";
    // Someone registered the address with a password and never proved they own it.
    const signUp = await fetch(`${strictServer.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ email, password: "squatter's password", name: "Squatter" }),
    });
    expect(signUp.status).toBe(200);
    provider.signInAs({ sub: "real-owner", email, name: "Owner", email_verified: true });
    const result = await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect(result.sessionCookie).toBeUndefined();
    expect(result.location).toBe(`${website}/login?error=account_not_linked`);
    expect((await userByEmail(email))?.providers).toEqual(["credential"]);
  });

  it("signs the owner in when the provider vouches for the address of their verified account", async () => {
    const email = "vouched@example.com";
    const ownerId = await createVerifiedPasswordUser(email);
    provider.signInAs({ sub: "vouched-1", email, name: "Owner", email_verified: true });
    const result = await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect(await sessionUserId(strictServer.url, result.sessionCookie as string)).toBe(ownerId);
  });
  it("drops a provider identity that never proved the address once the mailbox owner resets the password", async () => {
    const email = "taken-early@example.com";
    // A stranger signs in first with the owner's address, which their provider does not vouch for.
    provider.signInAs({ sub: "stranger-1", email, name: "Stranger", email_verified: false });
    await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect((await userByEmail(email))?.providers).toEqual(["school"]);

    // The owner, who gets the mails, sets a password through the reset mail and verifies the address.
    await fetch(`${strictServer.url}/api/auth/request-password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ email, redirectTo: `${website}/reset-password` }),
    });
    const resetMail = await lastMail(verifying.outboxDir, email, "Reset your password");
    const token = new URL(
      (await fetch(resetMail.link, { redirect: "manual" })).headers.get("location") as string,
    ).searchParams.get("token");
    const reset = await fetch(`${strictServer.url}/api/auth/reset-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ token, newPassword: "the owner's new password" }),
    });
    expect(reset.status).toBe(200);
    expect((await userByEmail(email))?.providers).toEqual(["credential"]);
    await pool.query(`UPDATE "user" SET "emailVerified" = true WHERE email = $1`, [email]);

    // The stranger's identity no longer reaches the account.
    const stranger = await completeSocialFlow({ authUrl: strictServer.url, website, provider: "school" });
    expect(stranger.sessionCookie).toBeUndefined();
    expect((await userByEmail(email))?.providers).toEqual(["credential"]);
  });
});
