import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import express from "express";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthRoutes } from "../../src/http/health-routes.js";
import type { SigningKeyring } from "../../src/keys/signing-keyring.js";

// The database is real; the keyring and Redis stand in for states a running server passes through only briefly
// (no signing key yet, Redis gone), which is what /readyz must tell apart from a missing database.
const noKeysYet = { getJwks: async () => [] } as unknown as SigningKeyring;

describe("/readyz naming what is missing", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const servers: Server[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 1 });
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    await pool?.end();
    await database?.drop();
  });

  async function readyz(redis?: { ping(): Promise<void> }) {
    const server = createServer(express().use(healthRoutes(pool, noKeysYet, redis)));
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
    return { status: response.status, body: await response.json() };
  }

  it("says the signing keys are missing, not the database, when no key is known yet", async () => {
    expect(await readyz()).toEqual({
      status: 503,
      body: { status: "unavailable", checks: { database: "ok", signingKeys: "unavailable" } },
    });
  });

  it("names Redis when it is configured and does not answer", async () => {
    const goneRedis = {
      ping: async () => {
        throw new Error("Connection is closed.");
      },
    };
    expect((await readyz(goneRedis)).body).toEqual({
      status: "unavailable",
      checks: { database: "ok", signingKeys: "unavailable", redis: "unavailable" },
    });
  });
});
