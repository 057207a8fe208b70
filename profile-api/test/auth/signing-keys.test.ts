import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAccessTokenVerifier } from "../../src/auth/access-token-verifier.js";
import { createSigningKeys } from "../../src/auth/signing-keys.js";
import { type ProfileApiUnderTest, startProfileApiUnderTest } from "../helpers/profile-api-under-test.js";
import { AUDIENCE, ISSUER, startTokenIssuer, type TokenIssuer } from "../helpers/token-issuer.js";

describe("the auth-server's signing keys", () => {
  let issuer: TokenIssuer;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
  });
  afterEach(() => issuer.start().catch(() => undefined));
  afterAll(() => issuer.stop());

  const verifierWith = (keys: ReturnType<typeof createSigningKeys>) =>
    createAccessTokenVerifier({ keys, issuer: ISSUER, audience: AUDIENCE, maxTokenAgeSeconds: 900 });

  it("keeps verifying with the last key set fetched when a refetch fails", async () => {
    // cacheMaxAge 0: every verification wants a fresh key set, so this one must fall back.
    const keys = createSigningKeys(new URL(issuer.jwksUrl), { cacheMaxAgeMs: 0 });
    const verifier = verifierWith(keys);
    await verifier.verify(await issuer.sign());
    await issuer.stop();
    const claims = await verifier.verify(await issuer.sign({ name: "Second token" }));
    expect(claims.name).toBe("Second token");
  });

  it("refetches the key set for an unknown kid at most once per cooldown", async () => {
    const keys = createSigningKeys(new URL(issuer.jwksUrl), { cooldownMs: 60_000 });
    const verifier = verifierWith(keys);
    const before = issuer.jwksRequests;
    await verifier.verify(await issuer.sign());
    for (let i = 0; i < 5; i++) {
      await expect(verifier.verify(await issuer.sign({}, { kid: `unknown-${i}` }))).rejects.toThrow();
    }
    expect(issuer.jwksRequests - before).toBe(1);
  });

  it("is not known until it has been fetched, and is known after", async () => {
    const keys = createSigningKeys(new URL(issuer.jwksUrl));
    expect(keys.known()).toBe(false);
    await keys.refresh();
    expect(keys.known()).toBe(true);
  });
});

describe("the profile-api with its JWKS endpoint stopped", () => {
  let api: ProfileApiUnderTest;
  beforeAll(async () => {
    api = await startProfileApiUnderTest();
  });
  afterAll(() => api?.close());

  it("still verifies a new token signed with a cached key", async () => {
    const user = await api.createUser();
    expect((await api.call("/v1/profiles/me", user.token)).status).toBe(404);
    await api.issuer.stop();
    const freshToken = await api.issuer.sign({ sub: user.id, name: "Another token" });
    expect(freshToken).not.toBe(user.token);
    expect((await api.call("/v1/profiles/me", freshToken)).status).toBe(404);
  });

  it("fetched the key set once for all its requests", () => {
    expect(api.issuer.jwksRequests).toBe(1);
  });
});
