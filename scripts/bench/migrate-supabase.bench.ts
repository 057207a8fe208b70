import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createScratchDatabase, openBenchServer } from "@textbook/dev-tools/bench-database";
import { type BenchFigure, postgresVersion, writeBenchResult } from "@textbook/dev-tools/bench-result";
import { migrate } from "@textbook/migrations/migrate";
import {
  createSupabaseSchema,
  insertBulkUsers,
  insertVariedBulkUsers,
  withClient,
} from "../test/fixtures/supabase-fixture.js";
import { startDelayProxy } from "./delay-proxy.js";
import { migrationFigures } from "./migration-figures.js";
import { measurePhysicalFloor } from "./physical-floor.js";

/**
 * `npm run bench -w scripts [-- --sizes 100000,1000000] [--fixture varied|uniform]`: for each size, a
 * Supabase-shaped source and a migrated target on one server. The source is `varied` by default (every kind of
 * Supabase user, warnings and e-mail conflicts included, as a real project has: insertVariedBulkUsers) or `uniform`
 * (the earlier fixture: all password users, 80% with profiles, 10% with a GitHub login: insertBulkUsers); measures the physical COPY floor, the
 * first run, a no-change rerun and the command's peak memory. BENCH_DATABASE_URL names a server to use (its
 * superuser URL); otherwise an embedded PostgreSQL is started for the run. Writes bench-results/scripts.json (one
 * run per size: a run of 1,000,000 users takes minutes). `--round-trip-ms N` runs the command through a proxy that
 * puts both databases N ms of round trip away (delay-proxy.ts), as they are over a network; the floor stays local.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000" },
    "batch-size": { type: "string", default: "2000" },
    // The command's runs go through a proxy that adds this round trip to every exchange with both databases.
    "round-trip-ms": { type: "string", default: "0" },
    fixture: { type: "string", default: "varied" },
  },
});
const roundTripMs = Number(values["round-trip-ms"]);
if (values.fixture !== "varied" && values.fixture !== "uniform") {
  throw new Error(`--fixture must be varied or uniform, not ${values.fixture}`);
}
const fixture = values.fixture;
const sizes = values.sizes.split(",").map((size) => Number(size.replaceAll("_", "")));
const CLI = resolve(import.meta.dirname, "../src/migrate-supabase/cli.ts");
const PEAK = resolve(import.meta.dirname, "report-peak-memory.ts");
const NODE_HEAP_FLAGS: string[] =
  JSON.parse(readFileSync(resolve(import.meta.dirname, "../package.json"), "utf8")).scripts[
    "migrate:supabase"
  ].match(/--max-[a-z-]+=\d+/g) ?? [];

/** Runs the real command in a child process; returns seconds taken and its peak memory in MB. */
function runMigration(env: Record<string, string>): Promise<{ seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    // The same V8 heap flags as `npm run migrate:supabase` (read from package.json, so the two cannot drift apart):
    // without a cap V8 grows the heap lazily far past the few batches the command holds, and the peak would
    // measure V8's laziness instead of the command.
    [
      ...NODE_HEAP_FLAGS,
      "--import",
      "tsx",
      "--import",
      PEAK,
      CLI,
      "--yes",
      "--batch-size",
      values["batch-size"],
    ],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdout.on("data", (chunk) => (stdout += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`migration exited ${code}:\n${stdout}\n${stderr}`));
      const peakKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
      resolvePromise({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}

const server = await openBenchServer(process.env.BENCH_DATABASE_URL, "textbook");
try {
  const serverUrl = server.url;
  const lines = [
    "| users | COPY floor | first run | ratio | no-change rerun | peak memory |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const figures: BenchFigure[] = [];
  for (const size of sizes) {
    const source = await createScratchDatabase(serverUrl, "source");
    const target = await createScratchDatabase(serverUrl, "target");
    const floorDb = await createScratchDatabase(serverUrl, "floor");
    let proxy: Awaited<ReturnType<typeof startDelayProxy>> | null = null;
    try {
      process.stderr.write(`bench: generating ${size} Supabase users (${fixture} fixture)\n`);
      await createSupabaseSchema(source.url);
      await (fixture === "varied"
        ? insertVariedBulkUsers(source.url, size)
        : insertBulkUsers(source.url, size, 0.8));
      await migrate({ connectionString: target.url });
      const floor = await measurePhysicalFloor(source.url, floorDb.url);
      proxy =
        roundTripMs > 0
          ? await startDelayProxy(
              { host: new URL(serverUrl).hostname, port: Number(new URL(serverUrl).port || 5432) },
              roundTripMs / 2,
            )
          : null;
      const proxyPort = proxy?.port;
      const via = (url: string) => {
        if (proxyPort === undefined) return url;
        const proxied = new URL(url);
        proxied.hostname = "127.0.0.1";
        proxied.port = String(proxyPort);
        return proxied.toString();
      };
      const env = { SUPABASE_DB_URL: via(source.url), DATABASE_URL_UNPOOLED: via(target.url) };
      const first = await runMigration(env);
      // A rerun meets a target that autovacuum has vacuumed and analyzed after the first run's inserts (it did so
      // within a minute here); done by hand, so the rerun always meets the same state. A plan that suited the
      // unanalyzed tables but not the analyzed ones made reruns quadratic per batch before (BENCHMARKS.md).
      await withClient(target.url, (client) => client.query("VACUUM (ANALYZE)"));
      const rerun = await runMigration(env);
      const peak = Math.max(first.peakMb, rerun.peakMb);
      lines.push(
        `| ${size.toLocaleString("en")} | ${floor.toFixed(1)} s | ${first.seconds.toFixed(1)} s | ${(first.seconds / floor).toFixed(1)}× | ${rerun.seconds.toFixed(1)} s | ${peak.toFixed(0)} MB |`,
      );
      process.stderr.write(`${lines.at(-1)}\n`);
      figures.push(
        ...migrationFigures(size, {
          floorSeconds: floor,
          firstSeconds: first.seconds,
          rerunSeconds: rerun.seconds,
          peakMb: peak,
        }),
      );
    } finally {
      await proxy?.close();
      await Promise.allSettled([source.drop(), target.drop(), floorDb.drop()]);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  await writeBenchResult({
    workspace: "scripts",
    settings: `Supabase migration, ${sizes.map((size) => size.toLocaleString("en")).join(" and ")} users, batch ${values["batch-size"]}, one run per size, ${fixture} fixture${roundTripMs > 0 ? `, both databases ${roundTripMs} ms of round trip away (delay proxy)` : ""}`,
    postgres: await postgresVersion(serverUrl),
    figures,
  });
} finally {
  await server.close();
}
