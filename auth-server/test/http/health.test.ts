import type { TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "../support/auth-server-under-test.js";

describe("health endpoints", () => {
  let underTest: AuthServerUnderTest;
  let database: TestDatabase;
  let server: RunningAuthServer;

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest();
    ({ server, database } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
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
