import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { getMigrations } from "better-auth/db/migration";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthOptions } from "../src/auth.js";
import { loadConfig } from "../src/config.js";
import { createSigningKeyring } from "../src/keys/signing-keyring.js";
import { createLogger } from "../src/logger.js";
import { createMailSender } from "../src/mail/create-mail-sender.js";
import { testEnvironment } from "./support/test-environment.js";

// Every optional provider switched on, so the check covers the largest set of plugins the server can run with.
const EVERY_PROVIDER = {
  GOOGLE_CLIENT_ID: "google-id",
  GOOGLE_CLIENT_SECRET: "google-secret",
  GITHUB_CLIENT_ID: "github-id",
  GITHUB_CLIENT_SECRET: "github-secret",
  OIDC_PROVIDER_ID: "school",
  OIDC_DISCOVERY_URL: "http://127.0.0.1:9/.well-known/openid-configuration",
  OIDC_CLIENT_ID: "oidc-id",
  OIDC_CLIENT_SECRET: "oidc-secret",
};

function realOptions(url: string, pool: pg.Pool, outbox: ReturnType<typeof testEnvironment>) {
  const config = loadConfig({ ...outbox.env, ...EVERY_PROVIDER, DATABASE_URL: url });
  const logger = createLogger("silent");
  const services = {
    pool,
    mailSender: createMailSender(config, logger),
    keyring: createSigningKeyring(pool, {
      refreshMillis: 10_000,
      rotationSeconds: config.keyRotationSeconds,
      secret: config.secret,
    }),
  };
  return createAuthOptions(config, services);
}

describe("the SQL migrations and Better Auth's schema", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let environment: ReturnType<typeof testEnvironment>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 2 });
    environment = testEnvironment(database.url);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
    environment.remove();
  });

  it("leave Better Auth nothing to create or add with the auth-server's real options", async () => {
    const { toBeCreated, toBeAdded, schemaProblems } = await getMigrations(
      realOptions(database.url, pool, environment),
    );
    expect(toBeCreated.map((table) => table.table)).toEqual([]);
    expect(toBeAdded.map((table) => `${table.table}: ${Object.keys(table.fields).join(", ")}`)).toEqual([]);
    expect(schemaProblems).toEqual([]);
  });

  it("would leave Better Auth tables to create on an empty database (the check is not blind)", async () => {
    const empty = await createTestDatabase({ migrated: false });
    const emptyPool = createPool({ connectionString: empty.url, max: 1 });
    try {
      const { toBeCreated } = await getMigrations(realOptions(empty.url, emptyPool, environment));
      expect(toBeCreated.map((table) => table.table)).toEqual(
        expect.arrayContaining(["user", "session", "account", "verification", "jwks", "rateLimit"]),
      );
    } finally {
      await emptyPool.end();
      await empty.drop();
    }
  });
});
