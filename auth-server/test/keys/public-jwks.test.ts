import { describe, expect, it } from "vitest";
import { toPublicJwks } from "../../src/keys/public-jwks.js";
import type { StoredKey } from "../../src/keys/signing-keyring.js";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const HOUR = 3_600_000;

function key(id: string, expiresInHours: number): StoredKey {
  return {
    id,
    publicKey: JSON.stringify({ kty: "RSA", n: `n-${id}`, e: "AQAB" }),
    privateKey: "encrypted, never published",
    createdAt: new Date(NOW - 48 * HOUR),
    expiresAt: new Date(NOW + expiresInHours * HOUR),
    alg: "RS256",
  };
}

describe("the public JWKS", () => {
  it("publishes live keys and retired keys within the grace period, never a private part", () => {
    const keys = [key("live", 1), key("retired-recently", -1), key("retired-long-ago", -30)];
    const { body } = toPublicJwks(keys, 24 * 3600, NOW);
    const published = JSON.parse(body) as { keys: Record<string, string>[] };
    expect(published.keys.map((jwk) => jwk.kid)).toEqual(["live", "retired-recently"]);
    expect(published.keys[0]).toEqual({ alg: "RS256", kty: "RSA", n: "n-live", e: "AQAB", kid: "live" });
    expect(body).not.toContain("encrypted");
  });

  it("says until when it stays right, so a retired key leaves the JWKS on time", () => {
    const { validUntil } = toPublicJwks([key("retired-recently", -1)], 24 * 3600, NOW);
    expect(validUntil).toBe(NOW - HOUR + 24 * HOUR);
  });

  it("changes its ETag when the keys change", () => {
    expect(toPublicJwks([key("a", 1)], 3600, NOW).etag).not.toBe(toPublicJwks([key("b", 1)], 3600, NOW).etag);
  });
});
