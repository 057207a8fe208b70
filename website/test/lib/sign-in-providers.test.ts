import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAuthServer } from "@textbook/auth-server/testing";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSignInProviders, parseSignInProviders } from "../../src/lib/sign-in-providers.js";

describe("the sign-in providers the website offers", () => {
  let database: TestDatabase;
  let dataDir: string;
  let auth: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), "website-providers-"));
    auth = await startAuthServer({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
      GITHUB_CLIENT_ID: "github-id",
      GITHUB_CLIENT_SECRET: "github-secret",
    });
  });
  afterAll(async () => {
    await auth?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("are the ones the running auth-server has configured", async () => {
    expect(await fetchSignInProviders(auth.url)).toEqual([{ id: "github", name: "GitHub" }]);
  });

  it("leave out malformed entries and refuse an answer that is not the list", () => {
    expect(
      parseSignInProviders({
        providers: [{ id: "github", name: "GitHub" }, { id: "", name: "x" }, null, { id: 3 }],
      }),
    ).toEqual([{ id: "github", name: "GitHub" }]);
    expect(() => parseSignInProviders({ error: "nope" })).toThrow(/malformed/);
    expect(() => parseSignInProviders(null)).toThrow(/malformed/);
  });

  it("cannot be had from a server that is down", async () => {
    await expect(fetchSignInProviders("http://127.0.0.1:9")).rejects.toThrow();
  });
});
