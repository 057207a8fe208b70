import { createHash } from "node:crypto";
import type { StoredKey } from "./stored-key.js";

/** The JWKS response body, its ETag, and until when it stays right. */
export interface PublicJwks {
  body: string;
  etag: string;
  validUntil: number;
}

/**
 * The public keys a verifier may use: every key still signing, and rotated keys for `graceSeconds` after they
 * stopped, so tokens they signed stay verifiable until they expire. Same shape as Better Auth's /jwks.
 */
export function toPublicJwks(keys: StoredKey[], graceSeconds: number, now = Date.now()): PublicJwks {
  const graceMillis = graceSeconds * 1000;
  const published = keys.filter((key) => !key.expiresAt || key.expiresAt.getTime() + graceMillis > now);
  const body = JSON.stringify({
    keys: published.map((key) => ({
      alg: key.alg ?? "RS256",
      ...(key.crv ? { crv: key.crv } : {}),
      ...JSON.parse(key.publicKey),
      kid: key.id,
    })),
  });
  const ends = published.flatMap((key) => (key.expiresAt ? [key.expiresAt.getTime() + graceMillis] : []));
  return {
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    validUntil: Math.min(Number.POSITIVE_INFINITY, ...ends),
  };
}
