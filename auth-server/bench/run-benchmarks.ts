import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createBenchDatabase } from "@textbook/dev-tools/bench-database";
import { benchRuns, median, postgresVersion, writeBenchResult } from "@textbook/dev-tools/bench-result";
import { createPool } from "@textbook/migrations/database";
import autocannon from "autocannon";
import { authFigures, type JwksRound, type ServerRound } from "./auth-figures.js";
import { bcryptStormRound, type StormRound } from "./bcrypt-storm.js";
import { type BenchServer, ORIGIN, postJson, startBenchServer } from "./bench-server-process.js";
import { closedLoop, type LoadResult } from "./closed-loop.js";
import { hardeningFigures } from "./hardening-figures.js";
import { type HasherRound, hasherRound } from "./hasher-load.js";
import { HASHER_NAMES, type HasherName, hasher } from "./hashers.js";
import { type UploadRound, uploadMemoryRound } from "./upload-memory.js";

// Short phases: the machine is shared. BENCH_SECONDS lengthens them on an idle machine; BENCH_RUNS sets the
// number of rounds (each measures every variant, in rotating order) whose medians are reported.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const RUNS = benchRuns();
const SIGN_IN_CLIENTS = 8;
const PASSWORD = "benchmark password";

type Server = BenchServer;

// Which parts run: `npm run bench -w auth-server -- --only uploads,bcrypt-storm` (default: all three).
const PARTS = ["hashing", "uploads", "bcrypt-storm"] as const;
const { values: args } = parseArgs({ options: { only: { type: "string" } } });
const only = args.only?.split(",").map((part) => part.trim()) ?? [...PARTS];
const unknownParts = only.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length > 0)
  throw new Error(`--only takes ${PARTS.join(", ")}; not: ${unknownParts.join(", ")}`);
const runs = (part: (typeof PARTS)[number]) => only.includes(part);

const startServer = startBenchServer;
const post = postJson;

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

/**
 * Password hashing and the JWKS (issue 3). The auth-server (the product's hasher) under sign-in load, alone and
 * with a get-session probe; then the product's hasher and Better Auth's two, called directly by as many concurrent
 * callers as there are sign-in clients. Rounds interleave the parts, so a change in the machine's load hits all.
 */
async function hashingPart(databaseUrl: string, dataDir: string) {
  const server = await startServer(databaseUrl, dataDir);
  const serverRounds: ServerRound[] = [];
  const hasherRounds = new Map<HasherName, HasherRound[]>(HASHER_NAMES.map((name) => [name, []]));
  const hashers = await Promise.all(
    HASHER_NAMES.map(async (name) => ({ name, hashing: await hasher(name) })),
  );
  const jwks: JwksRound[] = [];
  try {
    const emails = await seedUsers(server, SIGN_IN_CLIENTS, "native");
    await signInLoad(server, emails, 1); // warm-up
    for (let round = 0; round < RUNS; round++) {
      const alone = await signInLoad(server, emails, SECONDS);
      const { signIns, sessions } = await getSessionUnderLoad(server, emails);
      serverRounds.push({ alone, signIns, sessions });
      for (let i = 0; i < hashers.length; i++) {
        const { name, hashing } = hashers[(i + round) % hashers.length] as (typeof hashers)[number];
        hasherRounds.get(name)?.push(await hasherRound(hashing, SIGN_IN_CLIENTS, SECONDS));
      }
      console.error(`[bench] round ${round + 1}/${RUNS} done`);
    }
    for (let round = 0; round < RUNS; round++) jwks.push(await jwksThroughput(server));
  } finally {
    await server.stop();
  }
  const medianOf = <T>(rounds: T[], pick: (round: T) => number) => median(rounds.map(pick));
  const serverFailures = serverRounds.reduce(
    (sum, r) => sum + r.alone.failures + r.signIns.failures + r.sessions.failures,
    0,
  );
  console.log("");
  console.log(
    `auth-server, project hashing: ${medianOf(serverRounds, (r) => r.alone.perSecond).toFixed(1)} sign-ins/s (8 clients), p95 ${ms(medianOf(serverRounds, (r) => r.alone.p95))} ms; with the get-session probe ${medianOf(serverRounds, (r) => r.signIns.perSecond).toFixed(1)} sign-ins/s, get-session p50 ${ms(medianOf(serverRounds, (r) => r.sessions.p50))} ms, p99 ${ms(medianOf(serverRounds, (r) => r.sessions.p99))} ms; ${serverFailures} failures`,
  );
  console.log(
    "\n| hasher, called directly | verifications/s (8 callers) | verify p95 ms | event-loop delay p99 ms | failures |",
  );
  console.log("| --- | --- | --- | --- | --- |");
  for (const [name, rounds] of hasherRounds) {
    const failures = rounds.reduce((sum, r) => sum + r.verifications.failures, 0);
    console.log(
      `| ${name} | ${medianOf(rounds, (r) => r.verifications.perSecond).toFixed(1)} | ${ms(medianOf(rounds, (r) => r.verifications.p95))} | ${ms(medianOf(rounds, (r) => r.eventLoopDelayP99))} | ${failures} |`,
    );
  }
  const jwksErrors = jwks.reduce((sum, round) => sum + round.errors, 0);
  console.log(
    `\nGET /api/auth/jwks (autocannon, 16 connections, ${SECONDS} s, median of ${RUNS}): ${Math.round(median(jwks.map((r) => r.perSecond)))} req/s, p99 ${median(jwks.map((r) => r.p99))} ms, ${jwksErrors} errors`,
  );
  return authFigures(serverRounds, hasherRounds, jwks);
}

/** 20 concurrent 100 MB uploads (issue 15): a fresh server per round, so each starts from the same memory. */
async function uploadsPart(databaseUrl: string, dataDir: string) {
  const rounds: UploadRound[] = [];
  for (let round = 0; round < RUNS; round++) {
    const server = await startServer(databaseUrl, dataDir);
    try {
      const result = await uploadMemoryRound(server, SECONDS);
      rounds.push(result);
      console.log(
        `uploads round ${round + 1}: resident memory +${(result.riseBytes / 1024 / 1024).toFixed(1)} MB, ${result.refused}/${result.uploads} uploads refused 413 after ${(result.sentBytes / 1024 / 1024).toFixed(0)} MB sent in all; get-session p50 ${ms(result.sessions.p50)} ms, p99 ${ms(result.sessions.p99)} ms over ${result.sessions.requests} calls, ${result.sessions.failures} failed`,
      );
    } finally {
      await server.stop();
    }
  }
  return rounds;
}

/** 200 migrated users signing in at once (issue 15), a fresh server and fresh users per round. */
async function stormPart(databaseUrl: string, dataDir: string) {
  const rounds: StormRound[] = [];
  const pool = createPool({ connectionString: databaseUrl, max: 2 });
  try {
    for (let round = 0; round < RUNS; round++) {
      const server = await startServer(databaseUrl, dataDir);
      try {
        const result = await bcryptStormRound(server, pool, `r${round}${Date.now()}`);
        rounds.push(result);
        console.log(
          `bcrypt storm round ${round + 1}: ${result.signedIn}/200 signed in after ${ms(result.allSignedInMillis)} ms, ${result.stillBcrypt} hashes left bcrypt; get-session p50 ${ms(result.sessionP50)} ms, p99 ${ms(result.sessionP99)} ms over ${result.sessionRequests} calls, ${result.sessionFailures} failed`,
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    await pool.end();
  }
  return rounds;
}

async function main(): Promise<void> {
  const database = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
    "auth",
  );
  const postgres = await postgresVersion(database.url);
  const dataDir = mkdtempSync(join(tmpdir(), "auth-bench-"));
  console.log(
    `auth-server benchmark, ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${SECONDS} s phases, medians of ${RUNS} rounds (${only.join(", ")})`,
  );
  const figures = [];
  try {
    if (runs("hashing")) figures.push(...(await hashingPart(database.url, dataDir)));
    const uploads = runs("uploads") ? await uploadsPart(database.url, dataDir) : [];
    const storms = runs("bcrypt-storm") ? await stormPart(database.url, dataDir) : [];
    figures.push(...hardeningFigures(uploads, storms));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
  await writeBenchResult({
    workspace: "auth-server",
    settings: `${SECONDS} s phases, ${SIGN_IN_CLIENTS} sign-in clients, ${RUNS} rounds; parts: ${only.join(", ")}`,
    postgres,
    figures,
  });
}

await main();
