import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { getMigrations } from "better-auth/db/migration";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthOptions } from "../src/auth.js";

const settings = {
  baseUrl: "http://localhost:4000",
  secret: "a-test-secret-that-is-at-least-32-characters",
  websiteUrl: "http://localhost:3000",
  jwtIssuer: "http://localhost:4000",
  jwtAudience: "http://localhost:4100",
  jwtTtlSeconds: 900,
  requireEmailVerification: true,
};

describe("the SQL migrations and Better Auth's schema", () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it("leave Better Auth nothing to create or add with the auth-server's real options", async () => {
    const { toBeCreated, toBeAdded, schemaProblems } = await getMigrations(createAuthOptions(settings, pool));
    expect(toBeCreated.map((table) => table.table)).toEqual([]);
    expect(toBeAdded.map((table) => `${table.table}: ${Object.keys(table.fields).join(", ")}`)).toEqual([]);
    expect(schemaProblems).toEqual([]);
  });

  it("would leave Better Auth tables to create on an empty database (the check is not blind)", async () => {
    const empty = await createTestDatabase({ migrated: false });
    const emptyPool = createPool({ connectionString: empty.url, max: 1 });
    try {
      const { toBeCreated } = await getMigrations(createAuthOptions(settings, emptyPool));
      expect(toBeCreated.map((table) => table.table)).toEqual(
        expect.arrayContaining(["user", "session", "account", "verification", "jwks", "rateLimit"]),
      );
    } finally {
      await emptyPool.end();
      await empty.drop();
    }
  });
});
