import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/** An auth-server child process of the benchmark. */
export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts bench-server.ts as its own process (the load generator never shares its event loop), configured as in
 * production: NODE_ENV=production, rate limits on, an SMTP_URL (no mail is sent: verification is off).
 */
export async function startBenchServer(databaseUrl: string, dataDir: string): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(HERE, "bench-server.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "benchmark-secret-that-is-long-enough-1234",
      SMTP_URL: "smtp://127.0.0.1:2525",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      REQUIRE_EMAIL_VERIFICATION: "false",
      // Production refuses RATE_LIMIT_ENABLED=false; the benchmark measures hashing, not the limiter, so it runs
      // limits with a trusted proxy header instead and gives every request its own address.
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
    pid: child.pid as number,
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
export const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

/** The website's origin, which the bench servers trust (the default WEBSITE_URL). */
export const ORIGIN = "http://localhost:3000";

/** POSTs JSON from a fresh client address. */
export const postJson = (url: string, body: object) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": nextAddress() },
    body: JSON.stringify(body),
  });

/** Signs a new user up and returns their session cookie (the bench servers sign in at sign-up). */
export async function signedUpCookie(server: BenchServer, email: string, password: string): Promise<string> {
  const response = await postJson(`${server.url}/api/auth/sign-up/email`, { email, password, name: "Bench" });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** One `GET /api/auth/get-session` with `cookie`; true when it answered 200 with a session. */
export async function getSession(server: BenchServer, cookie: string): Promise<boolean> {
  const response = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie, origin: ORIGIN } });
  const body = (await response.json()) as unknown;
  return response.ok && body !== null;
}
