import { expect } from "vitest";

/** Where a sign-in through a provider ended: the redirect back to the website, and the session it set (if any). */
export interface SocialSignInResult {
  location: string;
  /** `better-auth.session_token=…` when the callback signed the browser in. */
  sessionCookie: string | undefined;
}

interface Options {
  authUrl: string;
  website: string;
  provider: string;
  callbackURL?: string;
  errorCallbackURL?: string;
  /** Cookies of a signed-in browser: links the provider to that account instead of signing in. */
  linkWithCookie?: string;
}

/**
 * Plays the browser through a sign-in (or, with `linkWithCookie`, a link) with a provider: our start endpoint,
 * the provider's authorize (which oauth2-mock-server answers at once), our callback.
 */
export async function completeSocialFlow(options: Options): Promise<SocialSignInResult> {
  const { authUrl, website, provider, linkWithCookie } = options;
  const start = await fetch(`${authUrl}/api/auth/${linkWithCookie ? "link-social" : "sign-in/social"}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: website,
      ...(linkWithCookie ? { cookie: linkWithCookie } : {}),
    },
    body: JSON.stringify({
      provider,
      callbackURL: options.callbackURL ?? `${website}/welcome`,
      errorCallbackURL: options.errorCallbackURL ?? `${website}/login`,
    }),
  });
  expect(start.status).toBe(200);
  const stateCookies = start.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { url } = (await start.json()) as { url: string };

  const authorize = await fetch(url, { redirect: "manual" });
  const callbackUrl = authorize.headers.get("location") as string;
  expect(callbackUrl.startsWith(`${authUrl}/api/auth/callback/${provider}`)).toBe(true);

  const cookie = [stateCookies, linkWithCookie].filter(Boolean).join("; ");
  const callback = await fetch(callbackUrl, { redirect: "manual", headers: { cookie } });
  expect(callback.status).toBe(302);
  const sessionCookie = callback.headers
    .getSetCookie()
    .find((line) => line.startsWith("better-auth.session_token=") && !/max-age=0\b/i.test(line))
    ?.split(";")[0];
  return { location: callback.headers.get("location") as string, sessionCookie };
}

/** The user id the session cookie belongs to, or null when it is no session. */
export async function sessionUserId(authUrl: string, sessionCookie: string): Promise<string | null> {
  const response = await fetch(`${authUrl}/api/auth/get-session`, { headers: { cookie: sessionCookie } });
  const body = (await response.json()) as { user?: { id: string } } | null;
  return body?.user?.id ?? null;
}
