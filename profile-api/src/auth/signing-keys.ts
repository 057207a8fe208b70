import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";

export interface SigningKeysOptions {
  /** Minimum time between two fetches caused by an unknown `kid` (jose's cooldownDuration). */
  cooldownMs?: number;
  /** Age after which the key set is refetched before use (jose's cacheMaxAge). */
  cacheMaxAgeMs?: number;
  /** How long one fetch of the key set may take. */
  timeoutMs?: number;
}

export interface SigningKeys {
  /** Key resolver for `jwtVerify`: picks a key by `kid` from the JWKS, never from the token's own headers. */
  getKey: JWTVerifyGetKey;
  /** True once a key set has been fetched. */
  known(): boolean;
  /** Fetches the key set now. */
  refresh(): Promise<void>;
}

/**
 * The auth-server's public keys, fetched from its JWKS endpoint once and cached; an unknown `kid` refetches at
 * most once per cooldown. When a refetch fails (the auth-server is down), the last key set fetched keeps
 * verifying, so learners are not signed out by an auth-server restart.
 */
export function createSigningKeys(url: URL, options: SigningKeysOptions = {}): SigningKeys {
  const remote = createRemoteJWKSet(url, {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
  });
  let fallback: { jwks: JSONWebKeySet; getKey: JWTVerifyGetKey } | undefined;

  const lastKnown = (): JWTVerifyGetKey | undefined => {
    const jwks = remote.jwks();
    if (!jwks) return undefined;
    if (fallback?.jwks !== jwks) fallback = { jwks, getKey: createLocalJWKSet(jwks) };
    return fallback.getKey;
  };

  return {
    getKey: async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        const isKeyLookupFailure =
          error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys;
        const local = isKeyLookupFailure ? undefined : lastKnown();
        if (!local) throw error;
        return local(header, token);
      }
    },
    known: () => remote.jwks() !== undefined,
    refresh: () => remote.reload(),
  };
}
