import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { benchRuns, median, postgresVersion, writeBenchResult } from "@textbook/dev-tools/bench-result";
import { type RunningPostgres, startEmbeddedPostgres } from "@textbook/dev-tools/embedded-postgres";
import { migrate } from "@textbook/migrations/migrate";
import autocannon from "autocannon";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import pg from "pg";
import { profileFigures, type Sample } from "./profile-figures.js";
import { PROGRESS_SCENARIOS, progressFigures } from "./progress-figures.js";

/*
 * `npm run bench -w profile-api [-- --duration 10 --rounds 3]`: GET /v1/profiles/me with a valid RS256 token (verified-token
 * cache on, then off) against the same route on a reference server that only decodes the token (the service's own
 * plugins, repository and route, bench/reference-server.ts), and PUT. autocannon, 50
 * connections, 50 learners; each service runs in its own process so the load generator has its own core. With the
 * cache on, also the reading-progress routes (issue 19): PATCH /v1/progress with one chapter against PUT, and
 * GET /v1/progress with 30 chapters against GET /v1/profiles/me, in the same round.
 * DATABASE_URL: a migrated database to use (bench users are removed afterwards); unset: an embedded PostgreSQL.
 * Without the arguments, BENCH_SECONDS sets the duration and BENCH_RUNS the rounds (as for every workspace's
 * benchmark under `npm run bench`). Writes bench-results/profile-api.json.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const ISSUER = "http://auth.bench";
const AUDIENCE = "http://profile-api.bench";
const LEARNERS = 50;
const CONNECTIONS = 50;
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const DURATION = argument("--duration", Number(process.env.BENCH_SECONDS ?? 10));
const ROUNDS = argument("--rounds", benchRuns());

interface Result {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  jwksFetches: number;
}

const VARIANTS = [
  {
    key: "off",
    name: "verification off (reference server)",
    flags: ["--reference"],
    put: false,
  },
  { key: "cached", name: "RS256 + verified-token cache", flags: [], put: true },
  {
    key: "uncached",
    name: "RS256, no cache (verify every request)",
    flags: ["--no-token-cache"],
    put: false,
  },
];

async function main() {
  const database = await prepareDatabase();
  const jwks = await startJwksServer();
  const users = Array.from({ length: LEARNERS }, () => randomUUID());
  const tokens = await Promise.all(users.map((sub) => jwks.sign(sub)));
  await seed(database.url, users);
  const postgres = await postgresVersion(database.url);
  // Each scenario's samples in round order: sample i of every scenario comes from round i.
  const samples = new Map<string, Sample[]>();
  const services: { variant: (typeof VARIANTS)[number]; url: string; stop(): Promise<void> }[] = [];
  try {
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      PROFILE_API_RATE_LIMIT: "1000000",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    };
    // All services run for the whole benchmark (idle when not measured); each has its own JWKS path, so the
    // fetches can be counted per service.
    for (const variant of VARIANTS) {
      const service = await startService({ ...env, JWKS_URL: `${jwks.url}/${variant.key}` }, variant.flags);
      services.push({ variant, ...service });
      await load(service.url, "GET", tokens, 1); // warm-up: JIT, pool connections, key fetch
    }
    // Rounds interleave the variants (rotating their order), so a change in the machine's load hits all alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < services.length; i++) {
        const { variant, url } = services[(i + round) % services.length] as (typeof services)[number];
        const record = (scenario: string, sample: Sample) =>
          samples.set(scenario, [...(samples.get(scenario) ?? []), sample]);
        record(`GET /v1/profiles/me, ${variant.name}`, await load(url, "GET", tokens, DURATION));
        if (variant.put) {
          record(`PUT /v1/profiles/me, ${variant.name}`, await load(url, "PUT", tokens, DURATION));
          record(PROGRESS_SCENARIOS.patch, await load(url, "PATCH", tokens, DURATION, "/v1/progress"));
          record(PROGRESS_SCENARIOS.getProgress, await load(url, "GET", tokens, DURATION, "/v1/progress"));
        }
      }
    }
  } finally {
    for (const service of services) await service.stop();
    await unseed(database.url, users);
    await jwks.stop();
    await database.embedded?.stop();
  }
  const results = [...samples].map(([scenario, runs]) => ({
    scenario,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    jwksFetches: jwks.requestsFor(VARIANTS.find((variant) => scenario.endsWith(variant.name))?.key ?? ""),
  }));
  const jwksFetches = VARIANTS.map((variant) => jwks.requestsFor(variant.key));
  const figures = [...profileFigures(samples, VARIANTS, jwksFetches), ...progressFigures(samples)];
  report(results, figures[0]?.value ?? Number.NaN);
  await writeBenchResult({
    workspace: "profile-api",
    settings: `${CONNECTIONS} connections, ${LEARNERS} learners, ${ROUNDS} interleaved rounds of ${DURATION} s`,
    postgres,
    figures,
  });
}

async function prepareDatabase(): Promise<{ url: string; embedded?: RunningPostgres }> {
  if (process.env.DATABASE_URL) {
    await migrate({ connectionString: process.env.DATABASE_URL });
    return { url: process.env.DATABASE_URL };
  }
  console.error("bench: DATABASE_URL is not set: starting an embedded PostgreSQL");
  const embedded = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `profile-api-bench-${process.pid}`),
    preferredPort: 0,
    ephemeral: true,
  });
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = new URL(embedded.url);
  url.pathname = "/bench";
  await migrate({ connectionString: url.toString() });
  return { url: url.toString(), embedded };
}

async function seed(url: string, users: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const id of users) {
    await client.query(
      `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
       VALUES ($1, 'Bench learner', $2, true, now(), now())`,
      [id, `${id}@bench.test`],
    );
    await client.query(
      `INSERT INTO profile (user_id, display_name, programming_languages, learning_goals)
       VALUES ($1, 'Bench learner', '{Python,C++}', 'Build a walking robot')`,
      [id],
    );
    // 30 chapters of reading progress, visited over the last 30 days (GET /v1/progress answers all of them).
    await client.query(
      `INSERT INTO reading_progress (user_id, doc_id, fraction, anchor, last_visited_at)
       SELECT $1, 'module-' || (n / 5) || '/chapter-' || n, n / 30.0, 'heading-' || n, now() - n * interval '1 day'
       FROM generate_series(1, 30) AS n`,
      [id],
    );
  }
  await client.end();
}

async function unseed(url: string, users: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DELETE FROM "user" WHERE id = ANY($1::uuid[])`, [users]);
  await client.end();
}

async function startJwksServer() {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "RS256", use: "sig" };
  const requests = new Map<string, number>();
  const server = createServer((request, response) => {
    const key = request.url?.split("/").at(-1) ?? "";
    requests.set(key, (requests.get(key) ?? 0) + 1);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth/jwks`,
    requestsFor: (key: string) => requests.get(key) ?? 0,
    sign: (sub: string) =>
      new SignJWT({ email: `${sub}@bench.test`, name: "Bench learner", emailVerified: true })
        .setProtectedHeader({ alg: "RS256", kid: "bench", typ: "JWT" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime("15m")
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startService(
  env: NodeJS.ProcessEnv,
  flags: string[],
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(HERE, "serve-profile-api.ts"), ...flags],
    { env, stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
    // The service's own warn-level log lines share stdout: wait for the line that announces the URL.
    lines.on("line", (line) => {
      const url = line.startsWith("{") ? (JSON.parse(line) as { url?: unknown }).url : undefined;
      if (typeof url === "string") resolve(url);
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function load(
  url: string,
  method: "GET" | "PUT" | "PATCH",
  tokens: string[],
  duration: number,
  path = "/v1/profiles/me",
) {
  let next = 0;
  const profile = JSON.stringify({
    displayName: "Bench learner",
    programmingLanguages: ["Python"],
    learningGoals: "Walk",
  });
  // A reader's periodic write: one chapter, further on, visited now, so each PATCH really writes its row.
  const progress = () =>
    JSON.stringify({
      chapters: [
        {
          docId: "ros2/nodes-and-topics",
          fraction: Math.random(),
          anchor: "publishers",
          visitedAt: new Date().toISOString(),
        },
      ],
    });
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method,
        path,
        setupRequest: (request) => ({
          ...request,
          ...(method === "PUT" ? { body: profile } : method === "PATCH" ? { body: progress() } : {}),
          headers: {
            ...request.headers,
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
            ...(method === "GET" ? {} : { "content-type": "application/json" }),
          },
        }),
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Prints the table of medians and the goal line; `ratio` is the median of the rounds' cached/off ratios. */
function report(results: Result[], ratio: number) {
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} | ${r.jwksFetches} |`,
  );
  const table = [
    `${CONNECTIONS} connections, ${LEARNERS} learners (tokens round-robin), medians of ${ROUNDS} interleaved ` +
      `rounds of ${DURATION} s:`,
    "",
    "| scenario | req/s | p50 ms | p99 ms | errors + non-2xx | JWKS fetches |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
  console.log(table);
  const [, cached] = results.filter((r) => r.scenario.startsWith("GET"));
  if (cached) {
    console.log(
      `\nGET with verification and cache / without verification: ${ratio.toFixed(2)}x (goal ≥ 0.9); ` +
        `p99 with cache ${cached.p99} ms (goal < 15 ms).`,
    );
  }
}

await main();
