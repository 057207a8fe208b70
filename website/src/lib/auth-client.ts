import type { createTextbookAuthClient } from "./better-auth-client.js";

/** The Better Auth React client (with `jwtClient()`) the site talks to the auth-server through. */
export type AuthClient = ReturnType<typeof createTextbookAuthClient>;

const loading = new Map<string, Promise<AuthClient>>();

/**
 * The Better Auth client for `authUrl`, loaded with `import()` the first time it is asked for: Better Auth is
 * then a chunk of its own instead of part of every page's main bundle, and a chapter's first paint never waits
 * for it. One client per auth-server URL, shared by every caller.
 */
export function loadAuthClient(authUrl: string): Promise<AuthClient> {
  let client = loading.get(authUrl);
  if (!client) {
    client = import("./better-auth-client.js").then((module) => module.createTextbookAuthClient(authUrl));
    // A failed download (offline, a deploy replaced the chunk) is not kept: the next call tries again.
    client.catch(() => loading.delete(authUrl));
    loading.set(authUrl, client);
  }
  return client;
}

/**
 * A stand-in for the Better Auth client that can be used at once: every call (`client.signIn.email(…)`,
 * `client.listSessions()`, …) waits for `loadAuthClient()` and then makes the same call on the real client.
 * That is sound because every action of Better Auth's client returns a promise; its hooks (`useSession`) are
 * not actions and are not forwarded (the AuthProvider calls them on the loaded client).
 */
export function deferredAuthClient(authUrl: string): AuthClient {
  return deferredMember(() => loadAuthClient(authUrl), []) as AuthClient;
}

function deferredMember(load: () => Promise<AuthClient>, path: string[]): unknown {
  // A function target, so that the proxy can be called as well as read from.
  return new Proxy(() => undefined, {
    get(_target, key) {
      // Not a thenable: `await client` and promise resolution must not take the proxy for a promise.
      if (typeof key === "symbol" || key === "then") return undefined;
      return deferredMember(load, [...path, key]);
    },
    apply(_target, _this, args: unknown[]) {
      return load().then((client) => {
        let owner: unknown;
        let member: unknown = client;
        for (const key of path) {
          owner = member;
          member = (member as Record<string, unknown>)[key];
        }
        if (typeof member !== "function")
          throw new TypeError(`authClient.${path.join(".")} is not a function`);
        // Not `member.apply(…)`: Better Auth's client is a proxy too, and would read `apply` as a route.
        return Reflect.apply(member, owner, args);
      });
    },
  });
}

/**
 * Asks the auth-server for a short-lived access JWT for the profile-api, with the JWT client plugin's `token()`
 * (`GET /api/auth/token`, which needs the session cookie).
 */
export async function fetchAccessToken(client: AuthClient): Promise<string> {
  const { data, error } = await client.token();
  if (error?.status === 401) throw new SignedOutError();
  if (error) throw new Error(`The auth-server answered ${error.status} for a token.`);
  if (typeof data?.token !== "string") throw new Error("The auth-server's token response has no token.");
  return data.token;
}

/** The auth-server has no session for this browser (anymore). */
export class SignedOutError extends Error {
  constructor() {
    super("You are signed out.");
    this.name = "SignedOutError";
  }
}
