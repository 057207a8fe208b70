import { Writable } from "node:stream";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { createServer } from "../src/create-server.js";
import {
  json,
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
  WEBSITE_URL,
} from "./helpers/profile-api-under-test.js";
import { AUDIENCE, ISSUER, startTokenIssuer, type TokenIssuer } from "./helpers/token-issuer.js";

describe("health, CORS and the API description", () => {
  let api: ProfileApiUnderTest;
  beforeAll(async () => {
    api = await startProfileApiUnderTest();
  });
  afterAll(() => api?.close());

  it("answers /healthz, and /readyz once the database answers and the keys are known", async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", checks: { database: "ok", signingKeys: "ok" } });
  });

  it("lets the website's origin call the API from a browser", async () => {
    const preflight = await fetch(`${api.url}/v1/profiles/me`, {
      method: "OPTIONS",
      headers: {
        origin: WEBSITE_URL,
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "authorization, content-type, if-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(WEBSITE_URL);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PATCH");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-match");
  });

  it("gives other origins no CORS permission", async () => {
    for (const origin of ["http://evil.test", `${WEBSITE_URL}.evil.test`, "null"]) {
      const response = await fetch(`${api.url}/v1/profiles/me`, { method: "OPTIONS", headers: { origin } });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("describes every route and every status it answers in /openapi.json", async () => {
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    const statuses = (path: string, method: string) =>
      Object.keys(document.paths[path]?.[method]?.responses ?? {});
    expect(statuses("/v1/profiles/me", "get")).toEqual(
      expect.arrayContaining(["200", "304", "401", "404", "429", "503"]),
    );
    expect(statuses("/v1/profiles/me", "put")).toEqual(
      expect.arrayContaining(["200", "201", "400", "401", "412", "413", "415", "429", "500", "503"]),
    );
    expect(statuses("/v1/profiles/me", "patch")).toEqual(
      expect.arrayContaining(["200", "400", "401", "404", "412", "413", "415", "429", "503"]),
    );
    expect(statuses("/v1/profiles/me", "delete")).toEqual(
      expect.arrayContaining(["204", "401", "404", "412"]),
    );
    expect(statuses("/v1/me/export", "get")).toEqual(expect.arrayContaining(["200", "401"]));
    expect(statuses("/healthz", "get")).toEqual(["200"]);
    expect(statuses("/readyz", "get")).toEqual(["200", "503"]);
  });

  it("serves a browsable page for the API at /docs", async () => {
    const page = await fetch(`${api.url}/docs`, { redirect: "follow" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("swagger-ui");
  });

  it("answers an unknown route in the one error shape", async () => {
    const response = await fetch(`${api.url}/v1/profiles/someone-else`);
    expect(response.status).toBe(404);
    expect(await json(response)).toMatchObject({ error: "route_not_found", requestId: expect.any(String) });
  });
});

describe("rate limits", () => {
  let api: ProfileApiUnderTest;
  beforeAll(async () => {
    api = await startProfileApiUnderTest({ PROFILE_API_RATE_LIMIT: "3" });
  });
  afterAll(() => api?.close());

  it("limits each user separately, by the token's subject", async () => {
    const ada = await api.createUser();
    const grace = await api.createUser();
    for (let i = 0; i < 3; i++) expect((await api.call("/v1/profiles/me", ada.token)).status).toBe(404);
    const limited = await api.call("/v1/profiles/me", ada.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await json(limited)).toMatchObject({ error: "rate_limited", requestId: expect.any(String) });
    expect((await api.call("/v1/profiles/me", grace.token)).status).toBe(404);
  });

  it("limits requests without a valid token by address", async () => {
    for (let i = 0; i < 3; i++) expect((await api.call("/v1/profiles/me", "not-a-token")).status).toBe(401);
    expect((await api.call("/v1/profiles/me", "not-a-token")).status).toBe(429);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});

describe("logs and server faults", () => {
  let issuer: TokenIssuer;
  let database: TestDatabase;
  let server: FastifyInstance;
  let url: string;
  const lines: string[] = [];

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    database = await createTestDatabase();
    const config = parseConfig({
      DATABASE_URL: database.url,
      JWKS_URL: issuer.jwksUrl,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      LOG_LEVEL: "debug",
    });
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    server = await createServer(config, { logStream });
    url = await server.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await issuer?.stop();
    await database?.drop();
  });

  it("answers a fault with a generic 500 and the request id, and logs the cause under that id", async () => {
    const token = await issuer.sign();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query("ALTER TABLE profile RENAME TO profile_moved");
    await admin.end();

    const response = await fetch(`${url}/v1/profiles/me`, {
      headers: { authorization: `Bearer ${token}`, cookie: "session=secret-cookie" },
    });
    expect(response.status).toBe(500);
    const body = await json(response);
    expect(body).toEqual({
      error: "internal_error",
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(body.message).not.toContain("profile");
    const logged = lines.filter((line) => line.includes(String(body.requestId))).join("\n");
    expect(logged).toContain('relation \\"profile\\" does not exist');
  });

  it("never writes a token or a cookie to the log", async () => {
    const token = await issuer.sign();
    await fetch(`${url}/v1/profiles/me`, {
      headers: { authorization: `Bearer ${token}`, cookie: "session=abc" },
    });
    const log = lines.join("\n");
    expect(log).toContain("request completed");
    expect(log).not.toContain(token.split(".")[2]);
    expect(log).not.toContain("secret-cookie");
  });
});
