import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import {
  type MockIdentityProvider,
  startMockIdentityProvider,
} from "../../src/testing/mock-identity-provider.js";
import { startAuthServer } from "../../src/testing/start-auth-server.js";
import { testEnvironment } from "../support/test-environment.js";

const DATABASE_URL = "postgres://auth@127.0.0.1:5432/textbook";
const OIDC = {
  OIDC_PROVIDER_ID: "school",
  OIDC_DISCOVERY_URL: "https://idp.example.edu/.well-known/openid-configuration",
  OIDC_CLIENT_ID: "textbook",
  OIDC_CLIENT_SECRET: "secret",
};

describe("OIDC_PROVIDER_NAME", () => {
  const config = (env: Record<string, string>) =>
    loadConfig({ DATABASE_URL, BETTER_AUTH_SECRET: "s".repeat(32), ...env });

  it("names the OpenID provider on its button, and defaults to the provider id", () => {
    expect(config({ ...OIDC, OIDC_PROVIDER_NAME: " Springfield University " }).oidc?.name).toBe(
      "Springfield University",
    );
    expect(config(OIDC).oidc?.name).toBe("school");
  });

  it("refuses a name with control characters, an overlong one, or one without a provider", () => {
    expect(() => config({ ...OIDC, OIDC_PROVIDER_NAME: "Bad\u0007Name" })).toThrow(/OIDC_PROVIDER_NAME/);
    expect(() => config({ ...OIDC, OIDC_PROVIDER_NAME: "x".repeat(61) })).toThrow(/OIDC_PROVIDER_NAME/);
    expect(() => config({ OIDC_PROVIDER_NAME: "Springfield" })).toThrow(/OIDC_PROVIDER_NAME/);
  });
});

describe("GET /api/auth/providers", () => {
  let database: TestDatabase;
  let identityProvider: MockIdentityProvider;
  const environments: ReturnType<typeof testEnvironment>[] = [];
  const servers: { url: string; close(): Promise<void> }[] = [];

  async function serverWith(extra: Record<string, string>) {
    const environment = testEnvironment(database.url, extra);
    environments.push(environment);
    const server = await startAuthServer(environment.env);
    servers.push(server);
    return { url: server.url, website: environment.env.WEBSITE_URL as string };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    identityProvider = await startMockIdentityProvider();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await identityProvider?.stop();
    await database?.drop();
    for (const environment of environments) environment.remove();
  });

  it("lists every configured provider by id and display name, for the website's origin, briefly cacheable", async () => {
    const { url, website } = await serverWith({
      GOOGLE_CLIENT_ID: "google-id",
      GOOGLE_CLIENT_SECRET: "google-secret",
      GITHUB_CLIENT_ID: "github-id",
      GITHUB_CLIENT_SECRET: "github-secret",
      OIDC_PROVIDER_ID: "school",
      OIDC_PROVIDER_NAME: "Springfield University",
      OIDC_DISCOVERY_URL: identityProvider.discoveryUrl,
      OIDC_CLIENT_ID: "textbook",
      OIDC_CLIENT_SECRET: "mock-secret",
    });
    const response = await fetch(`${url}/api/auth/providers`, { headers: { origin: website } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("access-control-allow-origin")).toBe(website);
    expect(await response.json()).toEqual({
      providers: [
        { id: "google", name: "Google" },
        { id: "github", name: "GitHub" },
        { id: "school", name: "Springfield University" },
      ],
    });
    const elsewhere = await fetch(`${url}/api/auth/providers`, {
      headers: { origin: "https://evil.example" },
    });
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers an empty list when no provider is configured", async () => {
    const { url } = await serverWith({});
    const response = await fetch(`${url}/api/auth/providers`);
    expect(await response.json()).toEqual({ providers: [] });
  });

  it("lists only ids Better Auth accepts for sign-in", async () => {
    const { url, website } = await serverWith({
      OIDC_PROVIDER_ID: "school",
      OIDC_DISCOVERY_URL: identityProvider.discoveryUrl,
      OIDC_CLIENT_ID: "textbook",
      OIDC_CLIENT_SECRET: "mock-secret",
    });
    const { providers } = (await (await fetch(`${url}/api/auth/providers`)).json()) as {
      providers: { id: string }[];
    };
    for (const { id } of providers) {
      const start = await fetch(`${url}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: website },
        body: JSON.stringify({ provider: id, callbackURL: `${website}/` }),
      });
      expect(start.status).toBe(200);
    }
  });
});
