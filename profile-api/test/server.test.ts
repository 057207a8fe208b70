import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const SERVER = join(dirname(fileURLToPath(import.meta.url)), "../src/server.ts");

/** Runs `npm start`'s command (src/server.ts) with only `env` as its environment, as an operator would. */
function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  started.push(child);
  return { child, output: () => output };
}

const started: ChildProcess[] = [];

describe("the service started alone from its environment", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    // A failed assertion must not leave a server running.
    for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
    await database?.drop();
  });

  it("stops at start with a message naming a malformed variable", async () => {
    const { child, output } = startServer({
      DATABASE_URL: database.url,
      PROFILE_API_PORT: "forty-one-hundred",
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output()).toContain("PROFILE_API_PORT");
  });

  it("listens on PROFILE_API_PORT, answers, and exits cleanly on SIGTERM", async () => {
    const { child, output } = startServer({
      DATABASE_URL: database.url,
      PROFILE_API_PORT: "0",
      JWKS_URL: "http://127.0.0.1:9/jwks",
    });
    // The server logs its address once it listens; a start that never gets there fails here, not later.
    const url = await vi.waitFor(
      () => {
        const listening = /Server listening at (http:\/\/[^"]+)/.exec(output())?.[1];
        expect(listening, output()).toBeDefined();
        return listening as string;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(url).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output()).toContain("shutting down");
  });
});
