import { jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** The Better Auth React client for the auth-server at `authUrl`, with the JWT plugin's client. */
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

export type AuthClient = ReturnType<typeof createTextbookAuthClient>;

/** Asks the auth-server for a short-lived access JWT for the profile-api (needs a session cookie). */
export async function fetchAccessToken(authUrl: string): Promise<string> {
  const response = await fetch(`${authUrl}/api/auth/token`, { credentials: "include" });
  if (response.status === 401) throw new SignedOutError();
  if (!response.ok) throw new Error(`The auth-server answered ${response.status} for a token.`);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== "string") throw new Error("The auth-server's token response has no token.");
  return body.token;
}

/** The auth-server has no session for this browser (anymore). */
export class SignedOutError extends Error {
  constructor() {
    super("You are signed out.");
    this.name = "SignedOutError";
  }
}
