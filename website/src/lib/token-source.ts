/** Hands out an access JWT, reusing it until shortly before it expires. */
export interface TokenSource {
  /** A token valid for at least the renewal margin; fetched only when the cached one is (nearly) expired. */
  get(): Promise<string>;
  /** Forgets the cached token, so that the next `get()` fetches a fresh one (after a 401, or sign-out). */
  invalidate(): void;
}

export interface TokenSourceOptions {
  /** Fetches a new token (the JWT client plugin's `token()`: the auth-server's `/api/auth/token`). */
  fetchToken: () => Promise<string>;
  /** Renew this long before `exp`, so a request never leaves with a token about to lapse. */
  renewBeforeMs?: number;
  now?: () => number;
}

/** A token source that caches one JWT and shares a single in-flight fetch between concurrent callers. */
export function createTokenSource({
  fetchToken,
  renewBeforeMs = 30_000,
  now = Date.now,
}: TokenSourceOptions): TokenSource {
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const refresh = async (): Promise<string> => {
    const token = await fetchToken();
    cached = { token, renewAt: expiresAtMs(token) - renewBeforeMs };
    return token;
  };

  return {
    get() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** The `exp` claim of a JWT in milliseconds; a token without one is treated as already expiring. */
export function expiresAtMs(token: string): number {
  const payload = token.split(".")[1];
  if (!payload) return 0;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const { exp } = JSON.parse(json) as { exp?: unknown };
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}
