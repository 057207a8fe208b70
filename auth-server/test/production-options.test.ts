import { freePort } from "@textbook/dev-tools/free-port";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthServer } from "../src/testing/start-auth-server.js";
import { testEnvironment } from "./support/test-environment.js";

describe("an auth-server behind https with Google and GitHub configured", () => {
  let database: TestDatabase;
  let environment: ReturnType<typeof testEnvironment>;
  let server: { url: string; close(): Promise<void> };
  let local: string;

  const post = (path: string, body: object) =>
    fetch(`${local}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: environment.env.WEBSITE_URL as string },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    environment = testEnvironment(database.url, {
      REQUIRE_EMAIL_VERIFICATION: "false",
      RATE_LIMIT_ENABLED: "false",
      GOOGLE_CLIENT_ID: "google-client",
      GOOGLE_CLIENT_SECRET: "google-secret",
      GITHUB_CLIENT_ID: "github-client",
      GITHUB_CLIENT_SECRET: "github-secret",
    });
    // The public URL is https (a TLS proxy in front); the test talks to the listener directly.
    const port = await freePort();
    local = `http://127.0.0.1:${port}`;
    server = await startAuthServer({
      ...environment.env,
      AUTH_PORT: String(port),
      BETTER_AUTH_URL: "https://auth.example.test",
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    environment?.remove();
  });

  it("marks the session cookie Secure (and __Secure-) when the public URL is https", async () => {
    const response = await post("/sign-up/email", {
      email: "tls@example.com",
      password: "password 123",
      name: "T",
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="));
    expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it.each([
    ["google", "https://accounts.google.com/"],
    ["github", "https://github.com/login/oauth/authorize"],
  ])("sends the browser to %s with our callback URL", async (provider, authorizeUrl) => {
    const response = await post("/sign-in/social", {
      provider,
      callbackURL: `${environment.env.WEBSITE_URL}/`,
    });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url.startsWith(authorizeUrl)).toBe(true);
    expect(new URL(url).searchParams.get("redirect_uri")).toBe(
      `https://auth.example.test/api/auth/callback/${provider}`,
    );
  });
});
