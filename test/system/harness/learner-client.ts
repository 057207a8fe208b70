import { randomUUID } from "node:crypto";
import { AUDIENCE, WEBSITE_URL } from "./platform-stack.js";

/** No request in this suite may take longer than this: a hang is a failure, not a slow success. */
export const REQUEST_TIMEOUT_MILLIS = 10_000;

let addressCounter = 0;
/** A fresh client address (sent as X-Forwarded-For), so the per-address sign-in limit counts each client alone. */
export function nextClientAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** fetch with the suite's timeout; a timeout rejects with a TimeoutError. */
export function request(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MILLIS) });
}

/** A learner as a browser would act for them: an e-mail, a password and, once signed in, a session cookie. */
export interface Learner {
  email: string;
  password: string;
  cookie: string;
  userId: string;
}

function authHeaders(address: string, extra: Record<string, string> = {}): Record<string, string> {
  return { "content-type": "application/json", origin: WEBSITE_URL, "x-forwarded-for": address, ...extra };
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** Signs a new learner up on `authUrl` (sign-up signs in: e-mail verification is off in this stack). */
export async function signUp(authUrl: string, address = nextClientAddress()): Promise<Learner> {
  const email = `learner-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const response = await request(`${authUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: authHeaders(address),
    body: JSON.stringify({ email, password, name: "System Learner" }),
  });
  if (response.status !== 200)
    throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { email, password, cookie: cookieOf(response), userId: body.user.id };
}

/** Posts a sign-in; the response as it came. */
export function postSignIn(
  authUrl: string,
  credentials: { email: string; password: string },
  address = nextClientAddress(),
): Promise<Response> {
  return request(`${authUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: authHeaders(address),
    body: JSON.stringify(credentials),
  });
}

/** Signs in and returns the learner with the new session cookie. */
export async function signIn(authUrl: string, learner: Learner): Promise<Learner> {
  const response = await postSignIn(authUrl, learner);
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return { ...learner, cookie: cookieOf(response) };
}

/** GET /api/auth/token with the session cookie. */
export function getTokenResponse(authUrl: string, learner: Learner): Promise<Response> {
  return request(`${authUrl}/api/auth/token`, {
    headers: { cookie: learner.cookie, origin: WEBSITE_URL, "x-forwarded-for": nextClientAddress() },
  });
}

/** A fresh access JWT for the learner. */
export async function getToken(authUrl: string, learner: Learner): Promise<string> {
  const response = await getTokenResponse(authUrl, learner);
  if (response.status !== 200) throw new Error(`token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** A call to the profile-api with a Bearer token. */
export function callApi(
  apiUrl: string,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  if (init.body !== undefined && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  return request(`${apiUrl}${path}`, { ...init, headers });
}

/** The `kid` a JWT names in its header. */
export function keyIdOf(jwt: string): string | undefined {
  const [header = ""] = jwt.split(".");
  return (JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { kid?: string }).kid;
}

export { AUDIENCE };
