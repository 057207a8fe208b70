import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createBenchDatabase } from "@textbook/scripts/bench-database";
import { benchRuns, median, postgresVersion, writeBenchResult } from "@textbook/scripts/bench-result";
import autocannon from "autocannon";
import { authFigures, type JwksRound, type VariantRound } from "./auth-figures.js";
import { closedLoop, type LoadResult } from "./closed-loop.js";
import { HASHER_NAMES, type HasherName } from "./hashers.js";

// Short phases: the machine is shared. BENCH_SECONDS lengthens them on an idle machine; BENCH_RUNS sets the
// number of rounds (each measures every variant, in rotating order) whose medians are reported.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const RUNS = benchRuns();
const SIGN_IN_CLIENTS = 8;
const ORIGIN = "http://localhost:3000";
const PASSWORD = "benchmark password";
const HERE = dirname(fileURLToPath(import.meta.url));

interface Server {
  url: string;
  stop(): Promise<void>;
}

async function startServer(hasherName: HasherName, databaseUrl: string, dataDir: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(HERE, "bench-server.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "benchmark-secret-that-is-long-enough-1234",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      REQUIRE_EMAIL_VERIFICATION: "false",
      BENCH_HASHER: hasherName,
      // Production refuses this; the benchmark measures hashing, not the limiter, so it runs limits with a
      // trusted proxy header instead and gives every request its own address.
      TRUST_PROXY: "true",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (first) =>
      resolve([first]),
    );
  });
  const { port } = JSON.parse(line as string) as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

let address = 0;
/** A new client address for each request, so the per-address limits never trip (TRUST_PROXY is on). */
const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

const post = (url: string, body: object) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": nextAddress() },
    body: JSON.stringify(body),
  });

async function seedUsers(server: Server, count: number, variant: string): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `bench-${variant}-${i}@example.com`);
  for (const email of emails) {
    const response = await post(`${server.url}/api/auth/sign-up/email`, {
      email,
      password: PASSWORD,
      name: "Bench",
    });
    if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  }
  return emails;
}

async function signInLoad(server: Server, emails: string[], seconds: number): Promise<LoadResult> {
  return closedLoop(SIGN_IN_CLIENTS, seconds, async (worker) => {
    const response = await post(`${server.url}/api/auth/sign-in/email`, {
      email: emails[worker % emails.length],
      password: PASSWORD,
    });
    await response.arrayBuffer();
    return response.ok;
  });
}

async function sessionCookie(server: Server, email: string): Promise<string> {
  const response = await post(`${server.url}/api/auth/sign-in/email`, { email, password: PASSWORD });
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

async function getSessionUnderLoad(server: Server, emails: string[]) {
  const cookie = await sessionCookie(server, emails[0] as string);
  const [signIns, sessions] = await Promise.all([
    signInLoad(server, emails, SECONDS),
    closedLoop(1, SECONDS, async () => {
      const response = await fetch(`${server.url}/api/auth/get-session`, {
        headers: { cookie, origin: ORIGIN },
      });
      await response.arrayBuffer();
      return response.ok;
    }),
  ]);
  return { signIns, sessions };
}

async function jwksThroughput(server: Server): Promise<JwksRound> {
  const result = await autocannon({ url: `${server.url}/api/auth/jwks`, connections: 16, duration: SECONDS });
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const ms = (value: number) => value.toFixed(1);
const medianOf = (rounds: VariantRound[], pick: (round: VariantRound) => number) => median(rounds.map(pick));

async function main(): Promise<void> {
  const database = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
    "auth",
  );
  const postgres = await postgresVersion(database.url);
  const dataDir = mkdtempSync(join(tmpdir(), "auth-bench-"));
  const servers: { variant: HasherName; server: Server; emails: string[] }[] = [];
  const rounds = new Map<HasherName, VariantRound[]>(HASHER_NAMES.map((variant) => [variant, []]));
  const jwks: JwksRound[] = [];
  try {
    // Every variant's server stays up for the whole run (idle while another is measured), so the rounds can
    // interleave them: a change in the machine's load then hits every variant alike.
    for (const variant of HASHER_NAMES) {
      const entry = {
        variant,
        server: await startServer(variant, database.url, dataDir),
        emails: [] as string[],
      };
      servers.push(entry);
      entry.emails = await seedUsers(entry.server, SIGN_IN_CLIENTS, variant);
      await signInLoad(entry.server, entry.emails, 1); // warm-up
    }
    for (let round = 0; round < RUNS; round++) {
      for (let i = 0; i < servers.length; i++) {
        const { variant, server, emails } = servers[(i + round) % servers.length] as (typeof servers)[number];
        const alone = await signInLoad(server, emails, SECONDS);
        const { signIns, sessions } = await getSessionUnderLoad(server, emails);
        rounds.get(variant)?.push({ alone, signIns, sessions });
        console.error(`[bench] round ${round + 1}/${RUNS}: ${variant} done`);
      }
    }
    const native = servers.find(({ variant }) => variant === "project-native")?.server as Server;
    for (let round = 0; round < RUNS; round++) jwks.push(await jwksThroughput(native));
  } finally {
    for (const { server } of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
  console.log(
    `auth-server benchmark, ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${SECONDS} s phases, medians of ${RUNS} rounds`,
  );
  console.log("");
  console.log(
    "| password hashing | sign-ins/s (8 clients) | sign-in p95 ms | sign-ins/s with get-session probe | get-session p50 ms | get-session p99 ms | failures |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const [variant, runs] of rounds) {
    const failures = runs.reduce(
      (sum, r) => sum + r.alone.failures + r.signIns.failures + r.sessions.failures,
      0,
    );
    console.log(
      `| ${variant} | ${medianOf(runs, (r) => r.alone.perSecond).toFixed(1)} | ${ms(medianOf(runs, (r) => r.alone.p95))} | ${medianOf(runs, (r) => r.signIns.perSecond).toFixed(1)} | ${ms(medianOf(runs, (r) => r.sessions.p50))} | ${ms(medianOf(runs, (r) => r.sessions.p99))} | ${failures} |`,
    );
  }
  const jwksErrors = jwks.reduce((sum, round) => sum + round.errors, 0);
  console.log(
    `\nGET /api/auth/jwks (autocannon, 16 connections, ${SECONDS} s, median of ${RUNS}): ${Math.round(median(jwks.map((r) => r.perSecond)))} req/s, p99 ${median(jwks.map((r) => r.p99))} ms, ${jwksErrors} errors`,
  );
  await writeBenchResult({
    workspace: "auth-server",
    settings: `${SECONDS} s phases, ${SIGN_IN_CLIENTS} sign-in clients, ${RUNS} interleaved rounds`,
    postgres,
    figures: authFigures(rounds, jwks),
  });
}

await main();
