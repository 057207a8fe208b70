import { OAuth2Server } from "oauth2-mock-server";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "./support/auth-server-under-test.js";
import { completeSocialFlow, sessionUserId } from "./support/social-sign-in-flow.js";

interface Identity {
  sub: string;
  email: string;
  name: string;
}

const MIGRATED_USER_ID = "0d6f3c4e-8a51-4f0b-b6a4-6f1c2d3e4a5b";

describe("sign-in with an OpenID Connect provider (oauth2-mock-server as a generic OAuth provider)", () => {
  let underTest: AuthServerUnderTest;
  let pool: pg.Pool;
  let provider: OAuth2Server;
  let server: RunningAuthServer;
  let website: string;

  /** Plays the browser through the redirects: our sign-in, the provider's authorize, our callback. */
  async function signInAs(identity: Identity): Promise<{ userId: string; location: string }> {
    const claims = { ...identity, email_verified: true };
    // Both the access token and the ID token pass through this hook, so it stays on for the whole flow.
    provider.service.removeAllListeners("beforeTokenSigning");
    provider.service.on("beforeTokenSigning", (token) => Object.assign(token.payload, claims));
    provider.service.once("beforeUserinfo", (response) => {
      response.body = claims;
    });
    const { location, sessionCookie } = await completeSocialFlow({
      authUrl: server.url,
      website,
      provider: "mock",
    });
    expect(sessionCookie).toBeDefined();
    const userId = await sessionUserId(server.url, sessionCookie as string);
    return { userId: userId as string, location };
  }

  beforeAll(async () => {
    provider = new OAuth2Server();
    await provider.issuer.keys.generate("RS256");
    await provider.start(0, "127.0.0.1");
    underTest = await startAuthServerUnderTest({
      RATE_LIMIT_ENABLED: "false",
      OIDC_PROVIDER_ID: "mock",
      OIDC_DISCOVERY_URL: `${provider.issuer.url}/.well-known/openid-configuration`,
      OIDC_CLIENT_ID: "textbook",
      OIDC_CLIENT_SECRET: "mock-secret",
    });
    ({ server, pool, website } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
    await provider?.stop();
  });

  it("creates a new user on the first sign-in and returns to the website", async () => {
    const { userId, location } = await signInAs({ sub: "mock-1001", email: "new@example.com", name: "New" });
    expect(location).toBe(`${website}/welcome`);
    const { rows } = await pool.query(`SELECT "providerId", "accountId" FROM account WHERE "userId" = $1`, [
      userId,
    ]);
    expect(rows).toEqual([{ providerId: "mock", accountId: "mock-1001" }]);
  });

  it("finds a migrated user by the provider's subject, even when the e-mail has changed since", async () => {
    await pool.query(
      `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
       VALUES ($1, 'Migrated', 'old-address@example.com', true, now(), now())`,
      [MIGRATED_USER_ID],
    );
    await pool.query(
      `INSERT INTO account ("accountId", "providerId", "userId", "createdAt", "updatedAt")
       VALUES ('supabase-identity-42', 'mock', $1, now(), now())`,
      [MIGRATED_USER_ID],
    );
    const { userId } = await signInAs({
      sub: "supabase-identity-42",
      email: "new-address@example.com",
      name: "M",
    });
    expect(userId).toBe(MIGRATED_USER_ID);
  });

  it("links the provider to an existing user with the same verified e-mail", async () => {
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ email: "linked@example.com", password: "password one", name: "Linked" }),
    });
    const existingId = ((await signUp.json()) as { user: { id: string } }).user.id;
    await pool.query(`UPDATE "user" SET "emailVerified" = true WHERE id = $1`, [existingId]);

    const { userId } = await signInAs({ sub: "mock-2002", email: "linked@example.com", name: "Linked" });
    expect(userId).toBe(existingId);
    const { rows } = await pool.query(`SELECT "providerId" FROM account WHERE "userId" = $1 ORDER BY 1`, [
      userId,
    ]);
    expect(rows.map((row) => row.providerId)).toEqual(["credential", "mock"]);
  });
});
