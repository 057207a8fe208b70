import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import pg from "pg";
import type { Profile } from "../../src/schemas/profile.js";
import { startProfileApi } from "../../src/testing/start-profile-api.js";
import { AUDIENCE, ISSUER, startTokenIssuer, type TokenIssuer } from "./token-issuer.js";

export const WEBSITE_URL = "http://website.test";

/** A profile-api on its own migrated database, trusting a test token issuer. */
export interface ProfileApiUnderTest {
  url: string;
  issuer: TokenIssuer;
  database: TestDatabase;
  /** Inserts a "user" row (the profile references it) and returns a token for it. */
  createUser(): Promise<{ id: string; token: string }>;
  /** Runs one statement on the test database directly, as another service (the auth-server) would. */
  query(sql: string, parameters?: unknown[]): Promise<void>;
  /** fetch against the API with `token` as Bearer credentials. */
  call(path: string, token: string | undefined, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startProfileApiUnderTest(
  env: Record<string, string> = {},
  /** Rewrites the database URL the service gets (e.g. through a proxy); the test itself uses the real one. */
  serviceDatabaseUrl: (url: string) => string = (url) => url,
): Promise<ProfileApiUnderTest> {
  const database = await createTestDatabase();
  const issuer = await startTokenIssuer();
  const api = await startProfileApi({
    DATABASE_URL: serviceDatabaseUrl(database.url),
    JWKS_URL: issuer.jwksUrl,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    WEBSITE_URL,
    ...env,
  });

  const underTest: ProfileApiUnderTest = {
    url: api.url,
    issuer,
    database,
    async createUser() {
      const id = randomUUID();
      await underTest.query(
        `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
         VALUES ($1, 'Learner', $2, true, now(), now())`,
        [id, `${id}@example.com`],
      );
      return { id, token: await issuer.sign({ sub: id, email: `${id}@example.com` }) };
    },
    async query(sql, parameters = []) {
      // A connection per statement keeps nothing open that the database drop could cut in the middle of.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(sql, parameters);
      } finally {
        await client.end();
      }
    },
    call(path, token, init = {}) {
      const headers = new Headers(init.headers);
      if (token !== undefined) headers.set("authorization", `Bearer ${token}`);
      if (typeof init.body === "string" && !headers.has("content-type"))
        headers.set("content-type", "application/json");
      return fetch(`${api.url}${path}`, { ...init, headers });
    },
    async close() {
      await api.close();
      await issuer.stop();
      await database.drop();
    },
  };
  return underTest;
}

/** The JSON bodies the API sends, as tests read them. */
export interface ResponseBody extends Partial<Profile> {
  error?: string;
  message?: string;
  requestId?: string;
  details?: { field: string; message: string }[];
  exportedAt?: string;
  account?: unknown;
  profile?: unknown;
}

/** The response's JSON body. */
export function json(response: Response): Promise<ResponseBody> {
  return response.json() as Promise<ResponseBody>;
}
