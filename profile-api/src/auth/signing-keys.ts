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
  /**
   * JWKS_CACHE_TTL: the key set is refetched at least this often (in the background, and before a verification
   * once it is older), so a key the auth-server stopped publishing (`keys revoke`) is dropped within this time.
   */
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
  /** Calls `listener` with the `kid`s that left the key set, each time a fetch finds some gone. */
  onKeysDropped(listener: (kids: string[]) => void): void;
  /**
   * Refetches every `cacheMaxAgeMs` until `stop`. Needed besides jose's refetch-before-use because a learner's
   * repeated requests are answered from the verified-token cache and never ask for a key.
   */
  start(onError: (error: Error) => void): void;
  stop(): void;
}

/**
 * The auth-server's public keys, fetched from its JWKS endpoint and refetched at least every `cacheMaxAgeMs`; an
 * unknown `kid` refetches at most once per cooldown. A key missing from a fetched set is dropped at once (and
 * listeners hear of it). When a refetch fails (the auth-server is down), the last key set fetched keeps
 * verifying, so learners are not signed out by an auth-server restart.
 */
export function createSigningKeys(url: URL, options: SigningKeysOptions = {}): SigningKeys {
  const maxAgeMs = options.cacheMaxAgeMs ?? 300_000;
  const remote = createRemoteJWKSet(url, {
    // Short, so a key `keys rotate` made a moment after a fetch is accepted within seconds; one fetch per 5 s is
    // still nothing for the auth-server, which answers the JWKS from memory.
    cooldownDuration: options.cooldownMs ?? 5_000,
    cacheMaxAge: maxAgeMs,
    timeoutDuration: options.timeoutMs ?? 5_000,
  });
  let fallback: { jwks: JSONWebKeySet; getKey: JWTVerifyGetKey } | undefined;
  let seen: { jwks: JSONWebKeySet; kids: Set<string> } | undefined;
  const listeners: ((kids: string[]) => void)[] = [];
  let timer: NodeJS.Timeout | undefined;

  const lastKnown = (): JWTVerifyGetKey | undefined => {
    const jwks = remote.jwks();
    if (!jwks) return undefined;
    if (fallback?.jwks !== jwks) fallback = { jwks, getKey: createLocalJWKSet(jwks) };
    return fallback.getKey;
  };

  // jose replaces its key set object on every successful fetch (whoever triggered it); compare kids when it does.
  const noticeDroppedKeys = () => {
    const jwks = remote.jwks();
    if (!jwks || jwks === seen?.jwks) return;
    const kids = new Set(jwks.keys.flatMap((key) => (key.kid ? [key.kid] : [])));
    const dropped = seen ? [...seen.kids].filter((kid) => !kids.has(kid)) : [];
    seen = { jwks, kids };
    if (dropped.length > 0) for (const listener of listeners) listener(dropped);
  };

  const keys: SigningKeys = {
    getKey: async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        const isKeyLookupFailure =
          error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys;
        const local = isKeyLookupFailure ? undefined : lastKnown();
        if (!local) throw error;
        return local(header, token);
      } finally {
        noticeDroppedKeys();
      }
    },
    known: () => remote.jwks() !== undefined,
    async refresh() {
      try {
        await remote.reload();
      } finally {
        noticeDroppedKeys();
      }
    },
    onKeysDropped(listener) {
      listeners.push(listener);
    },
    start(onError) {
      timer ??= setInterval(() => keys.refresh().catch(onError), maxAgeMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
  return keys;
}
