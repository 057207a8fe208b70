import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import type { AccessTokenClaims } from "./access-token-claims.js";
import type { SigningKeys } from "./signing-keys.js";
import type { VerifiedTokenCache } from "./verified-token-cache.js";

/** Why a token was refused; for the log only, never sent to the client. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid access token: ${reason}`);
    this.name = "InvalidTokenError";
  }
}

export interface AccessTokenVerifierOptions {
  keys: SigningKeys;
  issuer: string;
  audience: string;
  maxTokenAgeSeconds: number;
  /** Omitted: every request pays for the signature check. */
  cache?: VerifiedTokenCache;
}

export interface AccessTokenVerifier {
  /** The token's claims if the auth-server signed it for this API and it is valid now; else InvalidTokenError. */
  verify(token: string): Promise<AccessTokenClaims>;
}

const CLOCK_TOLERANCE_SECONDS = 5;
// Better Auth's tokens are well under 2 KB; anything far larger is refused before any parsing.
const MAX_TOKEN_LENGTH = 8 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Headers that name a key or a place to fetch one (RFC 7515 §4.1): a token must not choose its own key.
const KEY_REFERENCE_HEADERS = ["jku", "x5u", "jwk", "x5c"];

/** Creates the verifier once, at start: the key set and the cache live as long as the process. */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const { keys, cache } = options;

  // The payload, and the key that signed it (the cache forgets the token if that key leaves the JWKS).
  const verifySignature = async (token: string): Promise<{ payload: JWTPayload; kid?: string }> => {
    const header = decodeProtectedHeader(token);
    const reference = KEY_REFERENCE_HEADERS.find((name) => name in header);
    if (reference) throw new InvalidTokenError(`"${reference}" header present`);
    const { payload } = await jwtVerify(token, keys.getKey, {
      algorithms: ["RS256"],
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: options.maxTokenAgeSeconds,
      requiredClaims: ["exp", "iat", "sub"],
    });
    return { payload, ...(typeof header.kid === "string" ? { kid: header.kid } : {}) };
  };

  return {
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError("token too long");
      const cached = cache?.get(token);
      if (cached) return cached;
      let verified: { payload: JWTPayload; kid?: string };
      try {
        verified = await verifySignature(token);
      } catch (error) {
        throw error instanceof InvalidTokenError ? error : new InvalidTokenError(reasonOf(error));
      }
      const claims = toClaims(verified.payload);
      cache?.remember(token, claims, expiryMs(claims, options.maxTokenAgeSeconds), verified.kid);
      return claims;
    },
  };
}

function toClaims(payload: JWTPayload): AccessTokenClaims {
  if (typeof payload.sub !== "string" || !UUID.test(payload.sub))
    throw new InvalidTokenError("sub is not a UUID");
  return {
    sub: payload.sub.toLowerCase(),
    ...(typeof payload.email === "string" ? { email: payload.email } : {}),
    ...(typeof payload.name === "string" ? { name: payload.name } : {}),
    ...(typeof payload.emailVerified === "boolean" ? { emailVerified: payload.emailVerified } : {}),
    exp: payload.exp ?? 0,
    iat: payload.iat ?? 0,
  };
}

/** The token stops being acceptable at `exp`, or when it grows older than the maximum age. */
function expiryMs(claims: AccessTokenClaims, maxTokenAgeSeconds: number): number {
  return Math.min(claims.exp, claims.iat + maxTokenAgeSeconds) * 1000;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) {
    // A failed JWKS fetch says only "fetch failed"; the reason (ECONNREFUSED, …) is in its cause.
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.name}: ${error.message}${cause}`;
  }
  return "unknown";
}
