import type { RequestHandler } from "express";
import { JWKS_MAX_AGE_SECONDS } from "../config.js";
import { type PublicJwks, toPublicJwks } from "../keys/public-jwks.js";
import type { SigningKeyring } from "../keys/signing-keyring.js";

/**
 * GET /api/auth/jwks from memory, with Cache-Control and ETag: verifiers poll it, and it must not cost a
 * database query (Better Auth's own handler reads the table on every request).
 */
export function jwksRoute(keyring: SigningKeyring, graceSeconds: number): RequestHandler {
  let cached: { keys: unknown; jwks: PublicJwks } | undefined;
  return async (req, res, next) => {
    try {
      const keys = await keyring.publishedKeys();
      if (!cached || cached.keys !== keys || Date.now() >= cached.jwks.validUntil) {
        cached = { keys, jwks: toPublicJwks(keys, graceSeconds) };
      }
      const { body, etag } = cached.jwks;
      res.setHeader("Cache-Control", `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
      res.setHeader("ETag", etag);
      if (req.headers["if-none-match"] === etag) {
        res.status(304).end();
        return;
      }
      res.type("application/json").send(body);
    } catch (error) {
      next(error);
    }
  };
}
