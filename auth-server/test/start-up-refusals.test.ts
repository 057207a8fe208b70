import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@textbook/dev-tools/free-port";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./support/server-process.js";

// One secret for every server that starts: they share a database, whose signing key it encrypts.
const SECRET = "a-secret-of-at-least-32-characters-for-every-start";

describe("starting the auth-server process with an unsafe configuration", { timeout: 60_000 }, () => {
  let database: TestDatabase;
  const folders: string[] = [];
  const running: ServerProcess[] = [];

  /** Starts the server on a free port with a data folder holding `secretFile` (when given). */
  const start = async (env: Record<string, string>, secretFile?: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), "auth-start-"));
    folders.push(dataDir);
    if (secretFile !== undefined) writeFileSync(join(dataDir, "better-auth-secret"), secretFile);
    const port = await freePort();
    const server = startServerProcess({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_PORT: String(port),
      LOG_LEVEL: "warn",
      ...env,
    });
    running.push(server);
    return { server, url: `http://127.0.0.1:${port}` };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    await database?.drop();
  });

  it.each([
    ["empty", "", "holds nothing"],
    ["short", "twenty-characters-xx\n", "holds only 20 characters"],
  ])(
    "stops on an %s .data/better-auth-secret, saying what to do, and never answers",
    async (_c, file, says) => {
      const { server, url } = await start({}, file);
      expect(await server.healthy(url)).toBe(false);
      const { code, stderr } = await server.exited;
      expect(code).toBe(1);
      expect(stderr).toContain(`better-auth-secret ${says}`);
      expect(stderr).toMatch(/Delete the file and start again[\s\S]*or set BETTER_AUTH_SECRET/);
    },
  );

  it("starts with a local secret of 32 characters or more", async () => {
    const { server, url } = await start({}, `${SECRET}\n`);
    expect(await server.healthy(url)).toBe(true);
  });

  it("refuses NODE_ENV=production without SMTP_URL, naming it, and starts once it is set", async () => {
    const production = {
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: SECRET,
    };
    const refused = await start(production);
    expect(await refused.server.healthy(refused.url)).toBe(false);
    const { code, stderr } = await refused.server.exited;
    expect(code).toBe(1);
    expect(stderr).toContain("SMTP_URL is required when NODE_ENV=production");

    const started = await start({ ...production, SMTP_URL: "smtp://127.0.0.1:2525" });
    const healthy = await started.server.healthy(started.url);
    expect(healthy, healthy ? "" : (await started.server.exited).stderr).toBe(true);
  });
});
