import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createBenchDatabase } from "@textbook/scripts/bench-database";
import autocannon from "autocannon";
import { closedLoop, type LoadResult } from "./closed-loop.js";
import type { HasherName } from "./hashers.js";

// Short phases: the machine is shared. BENCH_SECONDS lengthens them on an idle machine.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
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

async function jwksThroughput(server: Server) {
  const result = await autocannon({ url: `${server.url}/api/auth/jwks`, connections: 16, duration: SECONDS });
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const ms = (value: number) => value.toFixed(1);

async function main(): Promise<void> {
  const database = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
    "auth",
  );
  const dataDir = mkdtempSync(join(tmpdir(), "auth-bench-"));
  const rows: string[] = [];
  try {
    for (const variant of ["better-auth-pure-js", "better-auth-default", "project-native"] as const) {
      const server = await startServer(variant, database.url, dataDir);
      try {
        const emails = await seedUsers(server, SIGN_IN_CLIENTS, variant);
        await signInLoad(server, emails, 1); // warm-up
        const alone = await signInLoad(server, emails, SECONDS);
        const { signIns, sessions } = await getSessionUnderLoad(server, emails);
        rows.push(
          `| ${variant} | ${alone.perSecond.toFixed(1)} | ${ms(alone.p95)} | ${signIns.perSecond.toFixed(1)} | ${ms(sessions.p50)} | ${ms(sessions.p99)} | ${alone.failures + signIns.failures + sessions.failures} |`,
        );
        console.error(`[bench] ${variant} done`);
        if (variant === "project-native") {
          const jwks = await jwksThroughput(server);
          rows.push(
            "",
            `GET /api/auth/jwks (autocannon, 16 connections, ${SECONDS} s): ${Math.round(jwks.perSecond)} req/s, p99 ${jwks.p99} ms, ${jwks.errors} errors`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
  console.log(
    `auth-server benchmark, ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${SECONDS} s phases`,
  );
  console.log("");
  console.log(
    "| password hashing | sign-ins/s (8 clients) | sign-in p95 ms | sign-ins/s with get-session probe | get-session p50 ms | get-session p99 ms | failures |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
}

await main();
