import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { AccessTokenClaims } from "./access-token-claims.js";

export interface VerifiedTokenCacheOptions {
  /** Most tokens kept at once. */
  maxEntries?: number;
  /** Longest time a verified token is trusted without checking its signature again. */
  maxTtlMs?: number;
}

export interface VerifiedTokenCache {
  get(token: string): AccessTokenClaims | undefined;
  /** Remembers a token that has just been verified, until `expiresAtMs` at the latest. */
  remember(token: string, claims: AccessTokenClaims, expiresAtMs: number): void;
  readonly size: number;
}

/**
 * Token (by SHA-256) → verified claims, so a learner's repeated requests pay for the RSA signature once.
 * Bounded in entries and bytes; an entry never outlives the token's `exp`, nor `maxTtlMs`.
 * Only the verifier writes to it, and only after a successful verification.
 */
export function createVerifiedTokenCache(options: VerifiedTokenCacheOptions = {}): VerifiedTokenCache {
  const maxTtlMs = options.maxTtlMs ?? 5 * 60_000;
  const cache = new LRUCache<string, AccessTokenClaims>({
    max: options.maxEntries ?? 10_000,
    // Claims are small, but their strings come from the account (name, e-mail): bound the bytes too.
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (claims, key) => key.length + JSON.stringify(claims).length,
  });
  const keyOf = (token: string) => createHash("sha256").update(token).digest("base64url");

  return {
    get(token) {
      const claims = cache.get(keyOf(token));
      // lru-cache's TTL clock is coarse; the token's own expiry is the rule.
      return claims && claims.exp * 1000 > Date.now() ? claims : undefined;
    },
    remember(token, claims, expiresAtMs) {
      const ttl = Math.min(expiresAtMs - Date.now(), maxTtlMs);
      if (ttl > 0) cache.set(keyOf(token), claims, { ttl });
    },
    get size() {
      return cache.size;
    },
  };
}
