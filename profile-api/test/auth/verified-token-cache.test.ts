import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AccessTokenClaims } from "../../src/auth/access-token-claims.js";
import { createAccessTokenVerifier } from "../../src/auth/access-token-verifier.js";
import { createSigningKeys, type SigningKeys } from "../../src/auth/signing-keys.js";
import { createVerifiedTokenCache } from "../../src/auth/verified-token-cache.js";
import { AUDIENCE, ISSUER, startTokenIssuer, type TokenIssuer } from "../helpers/token-issuer.js";

const now = () => Math.floor(Date.now() / 1000);
const claims = (exp = now() + 900): AccessTokenClaims => ({ sub: randomUUID(), exp, iat: now() });

describe("the verified-token cache", () => {
  afterEach(() => vi.useRealTimers());

  it("returns what it remembered for the same token only", () => {
    const cache = createVerifiedTokenCache();
    const remembered = claims();
    cache.remember("token-a", remembered, Date.now() + 60_000);
    expect(cache.get("token-a")).toEqual(remembered);
    expect(cache.get("token-b")).toBeUndefined();
  });

  it("forgets a token once it has expired", () => {
    vi.useFakeTimers();
    const cache = createVerifiedTokenCache();
    cache.remember("token", claims(now() + 60), Date.now() + 60_000);
    vi.setSystemTime(Date.now() + 61_000);
    expect(cache.get("token")).toBeUndefined();
  });

  it("forgets every token signed with a key that left the JWKS, and only those", () => {
    const cache = createVerifiedTokenCache();
    cache.remember("revoked-1", claims(), Date.now() + 60_000, "kid-revoked");
    cache.remember("revoked-2", claims(), Date.now() + 60_000, "kid-revoked");
    cache.remember("kept", claims(), Date.now() + 60_000, "kid-kept");
    cache.forgetKeys(["kid-revoked"]);
    expect(cache.get("revoked-1")).toBeUndefined();
    expect(cache.get("revoked-2")).toBeUndefined();
    expect(cache.get("kept")).toBeDefined();
  });

  it("does not remember a token that is already expired", () => {
    const cache = createVerifiedTokenCache();
    cache.remember("token", claims(now() - 1), Date.now() - 1_000);
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries tokens, dropping the least recently used", () => {
    const cache = createVerifiedTokenCache({ maxEntries: 2 });
    for (const token of ["a", "b", "c"]) cache.remember(token, claims(), Date.now() + 60_000);
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toBeDefined();
  });
});

describe("the verifier with the cache", () => {
  let issuer: TokenIssuer;
  let keys: SigningKeys;
  let keyLookups = 0;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    const real = createSigningKeys(new URL(issuer.jwksUrl));
    keys = {
      ...real,
      getKey: (header, token) => {
        keyLookups++;
        return real.getKey(header, token);
      },
    };
  });
  afterAll(() => issuer.stop());

  const verifier = () =>
    createAccessTokenVerifier({
      keys,
      issuer: ISSUER,
      audience: AUDIENCE,
      maxTokenAgeSeconds: 900,
      cache: createVerifiedTokenCache(),
    });

  it("checks a token's signature once for repeated requests", async () => {
    const cached = verifier();
    const token = await issuer.sign();
    keyLookups = 0;
    const first = await cached.verify(token);
    expect(await cached.verify(token)).toEqual(first);
    expect(keyLookups).toBe(1);
  });

  it("never caches a token that failed verification", async () => {
    const cached = verifier();
    const token = await issuer.sign({ aud: "http://other-api.test" });
    keyLookups = 0;
    await expect(cached.verify(token)).rejects.toThrow(/invalid access token/);
    await expect(cached.verify(token)).rejects.toThrow(/invalid access token/);
    expect(keyLookups).toBe(2);
  });
});
