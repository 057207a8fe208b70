import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "../support/auth-server-under-test.js";

describe("requests a browser or an attacker may send", () => {
  let underTest: AuthServerUnderTest;
  let server: RunningAuthServer;
  let proxied: RunningAuthServer;
  let website: string;

  const post = (base: string, path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website, ...headers },
      body,
    });

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest();
    ({ server, website } = underTest);
    proxied = await underTest.startAnother({ TRUST_PROXY: "true" });
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it.each([
    ["malformed JSON", '{"email":', 400],
    ["a missing password", JSON.stringify({ email: "a@example.com", name: "A" }), 400],
    [
      "an e-mail that is not one",
      JSON.stringify({ email: "not-an-email", password: "long enough", name: "A" }),
      400,
    ],
    [
      "a password over 128 characters",
      JSON.stringify({ email: "a@example.com", password: "x".repeat(129), name: "A" }),
      400,
    ],
    [
      "a password under 8 characters",
      JSON.stringify({ email: "a@example.com", password: "short", name: "A" }),
      400,
    ],
  ])("answers sign-up with %s with a 4xx in Better Auth's error shape", async (_case, body, status) => {
    const response = await post(server.url, "/sign-up/email", body, {
      "x-forwarded-for": `10.1.0.${status}`,
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it("refuses a sign-in posted from an untrusted origin", async () => {
    const body = JSON.stringify({ email: "a@example.com", password: "whatever1" });
    const response = await post(proxied.url, "/sign-in/email", body, {
      origin: "https://evil.example",
      "x-forwarded-for": "198.51.100.1",
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "INVALID_ORIGIN" });
  });

  it("allows credentialed CORS for the website only, and lets it read set-auth-jwt", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/auth/get-session`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET" },
      });
    const allowed = await preflight(website);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(website);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const simple = await fetch(`${server.url}/api/auth/get-session`, { headers: { origin: website } });
    expect(simple.headers.get("access-control-expose-headers")).toMatch(/set-auth-jwt/);
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits sign-in to 5 attempts a minute per address, ignoring X-Forwarded-For when no proxy is trusted", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const body = JSON.stringify({ email: "guess@example.com", password: `guess number ${attempt}` });
      const response = await post(server.url, "/sign-in/email", body, {
        "x-forwarded-for": `10.0.0.${attempt}`,
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("takes the client address from X-Forwarded-For when TRUST_PROXY is set", async () => {
    const body = JSON.stringify({ email: "guess@example.com", password: "guess again" });
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(
        (await post(proxied.url, "/sign-in/email", body, { "x-forwarded-for": "203.0.113.7" })).status,
      ).toBe(401);
    }
    expect(
      (await post(proxied.url, "/sign-in/email", body, { "x-forwarded-for": "203.0.113.7" })).status,
    ).toBe(429);
    expect(
      (await post(proxied.url, "/sign-in/email", body, { "x-forwarded-for": "203.0.113.8" })).status,
    ).toBe(401);
  });

  it("limits password-reset mail to 3 a minute per address", async () => {
    const body = JSON.stringify({ email: "someone@example.com", redirectTo: `${website}/reset` });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      statuses.push((await post(server.url, "/request-password-reset", body)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
