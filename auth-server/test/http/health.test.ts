import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthServer } from "../../src/testing/start-auth-server.js";
import { testEnvironment } from "../support/test-environment.js";

describe("health endpoints", () => {
  let database: TestDatabase;
  let environment: ReturnType<typeof testEnvironment>;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    environment = testEnvironment(database.url);
    server = await startAuthServer(environment.env);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    environment?.remove();
  });

  it("report live and ready while the database answers", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", checks: { database: "ok", signingKeys: "ok" } });
  });

  it("answers an unknown path with 404 in Better Auth's error shape", async () => {
    const response = await fetch(`${server.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports not ready (503) once the database is gone, while staying live", async () => {
    await database.drop();
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      status: "unavailable",
      checks: { database: "unavailable" },
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
