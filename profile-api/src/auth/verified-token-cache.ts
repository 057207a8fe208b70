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
  /** Remembers a token that has just been verified with key `kid`, until `expiresAtMs` at the latest. */
  remember(token: string, claims: AccessTokenClaims, expiresAtMs: number, kid?: string): void;
  /** Forgets every token signed with one of these keys (they left the JWKS: revoked). */
  forgetKeys(kids: readonly string[]): void;
  readonly size: number;
}

interface Entry {
  claims: AccessTokenClaims;
  kid: string | undefined;
}

/**
 * Token (by SHA-256) → verified claims, so a learner's repeated requests pay for the RSA signature once.
 * Bounded in entries and bytes; an entry never outlives the token's `exp`, nor `maxTtlMs`, nor its signing key's
 * presence in the JWKS. Only the verifier writes to it, and only after a successful verification.
 */
export function createVerifiedTokenCache(options: VerifiedTokenCacheOptions = {}): VerifiedTokenCache {
  const maxTtlMs = options.maxTtlMs ?? 5 * 60_000;
  const cache = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 10_000,
    // Claims are small, but their strings come from the account (name, e-mail): bound the bytes too.
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (entry, key) => key.length + JSON.stringify(entry).length,
  });
  const keyOf = (token: string) => createHash("sha256").update(token).digest("base64url");

  return {
    get(token) {
      const claims = cache.get(keyOf(token))?.claims;
      // lru-cache's TTL clock is coarse; the token's own expiry is the rule.
      return claims && claims.exp * 1000 > Date.now() ? claims : undefined;
    },
    remember(token, claims, expiresAtMs, kid) {
      const ttl = Math.min(expiresAtMs - Date.now(), maxTtlMs);
      if (ttl > 0) cache.set(keyOf(token), { claims, kid }, { ttl });
    },
    forgetKeys(kids) {
      // A revocation is rare and the cache bounded (10,000 entries): one pass is cheaper than an index.
      for (const [key, entry] of cache.entries()) {
        if (entry.kid !== undefined && kids.includes(entry.kid)) cache.delete(key);
      }
    },
    get size() {
      return cache.size;
    },
  };
}
