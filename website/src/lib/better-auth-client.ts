import { jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * The Better Auth React client for the auth-server at `authUrl`, with the JWT plugin's client. Only
 * `auth-client.ts` imports this module, with `import()`, so that pages get Better Auth in a chunk of its own.
 */
export function createTextbookAuthClient(authUrl: string) {
  return createAuthClient({
    baseURL: authUrl,
    plugins: [jwtClient()],
    // The session cookie belongs to the auth-server's origin; every call must carry it.
    fetchOptions: { credentials: "include" },
    // The default redirect plugin sends the browser to any `url` an answer carries: sign-in answers with the
    // callbackURL it was given (meant here for the verification e-mail), and the pages navigate themselves.
    disableDefaultFetchPlugins: true,
  });
}
