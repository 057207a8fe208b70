import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  findFreePort,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "@textbook/dev-tools/embedded-postgres";
import { migrate } from "@textbook/migrations/migrate";
import { type ServiceProcess, startService } from "./service-process.js";

export const WEBSITE_URL = "http://localhost:3999";
export const AUDIENCE = "http://profile-api.system.test";
/** How often the signing key rotates in this stack: short, so the suite sees rotations under load. */
export const KEY_ROTATION_SECONDS = 100;

/** One database, two auth-servers and two profile-apis sharing one configuration, as behind a load balancer. */
export interface PlatformStack {
  workDir: string;
  databaseUrl: string;
  issuer: string;
  auth: ServiceProcess[];
  api: ServiceProcess[];
  every(): ServiceProcess[];
  /** Stops PostgreSQL (fast shutdown: open connections are cut). */
  stopDatabase(): Promise<void>;
  /** Starts it again on the same data folder and port. */
  startDatabase(): Promise<void>;
  /** Starts auth-server `index` again after a stop or kill, on the same port. */
  restartAuth(index: number): Promise<void>;
  restartApi(index: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the stack; REDIS_URL/REDIS_KEY_PREFIX go to every service when `redis` is given. */
export async function startPlatformStack(redis?: { url: string; keyPrefix: string }): Promise<PlatformStack> {
  const workDir = await mkdtemp(join(tmpdir(), "textbook-system-"));
  const databaseDir = join(workDir, "postgres");
  let database: RunningPostgres | undefined = await startEmbeddedPostgres({
    dataDir: databaseDir,
    preferredPort: await findFreePort(0),
  });
  const port = database.port;
  const databaseUrl = database.url.replace(/\/postgres$/, "/textbook");
  const admin = await import("pg").then(
    ({ default: pg }) => new pg.Client({ connectionString: database?.url }),
  );
  await admin.connect();
  await admin.query("CREATE DATABASE textbook");
  await admin.end();
  await migrate({ connectionString: databaseUrl });

  const authPorts = [await findFreePort(0), await findFreePort(0)];
  const apiPorts = [await findFreePort(0), await findFreePort(0)];
  const issuer = `http://127.0.0.1:${authPorts[0]}`;
  const shared = {
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    WEBSITE_URL,
    DATABASE_POOL_MAX: "10",
    ...(redis ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.keyPrefix } : {}),
  };
  const authEnv = (index: number) => ({
    ...shared,
    AUTH_PORT: String(authPorts[index]),
    BETTER_AUTH_URL: issuer,
    BETTER_AUTH_SECRET: "system-test-secret-that-is-at-least-32-characters",
    PROFILE_API_URL: AUDIENCE,
    REQUIRE_EMAIL_VERIFICATION: "false",
    // Every simulated client sends its own address in X-Forwarded-For, as behind a proxy.
    TRUST_PROXY: "true",
    JWT_KEY_ROTATION_INTERVAL: `${KEY_ROTATION_SECONDS}s`,
    DATA_DIR: join(workDir, `auth-${index}`),
  });
  const apiEnv = (index: number) => ({
    ...shared,
    PROFILE_API_PORT: String(apiPorts[index]),
    JWKS_URL: `http://127.0.0.1:${authPorts[index]}/api/auth/jwks`,
    JWT_ISSUER: issuer,
    JWT_AUDIENCE: AUDIENCE,
    // The suite drives thousands of requests per user; the limiter has its own tests in profile-api.
    PROFILE_API_RATE_LIMIT: "1000000",
  });
  const startAuth = (index: number) =>
    startService({
      name: `auth-${index}`,
      script: "auth-server/src/server.ts",
      url: `http://127.0.0.1:${authPorts[index]}`,
      env: authEnv(index),
      logDir: workDir,
    });
  const startApi = (index: number) =>
    startService({
      name: `api-${index}`,
      script: "profile-api/src/server.ts",
      url: `http://127.0.0.1:${apiPorts[index]}`,
      env: apiEnv(index),
      logDir: workDir,
    });

  const auth: ServiceProcess[] = [];
  const api: ServiceProcess[] = [];
  const stack: PlatformStack = {
    workDir,
    databaseUrl,
    issuer,
    auth,
    api,
    every: () => [...auth, ...api],
    async stopDatabase() {
      await database?.stop();
      database = undefined;
    },
    async startDatabase() {
      database = await startEmbeddedPostgres({ dataDir: databaseDir, preferredPort: port });
      if (database.port !== port)
        throw new Error(`PostgreSQL came back on port ${database.port}, not ${port}`);
    },
    async restartAuth(index) {
      await auth[index]?.stop("SIGKILL");
      auth[index] = await startAuth(index);
    },
    async restartApi(index) {
      await api[index]?.stop("SIGKILL");
      api[index] = await startApi(index);
    },
    async stop() {
      await Promise.allSettled(stack.every().map((service) => service.stop("SIGTERM")));
      await database?.stop().catch(() => undefined);
      database = undefined;
      // KEEP_SYSTEM_LOGS=1 keeps the services' logs (and the database) for a post-mortem.
      if (!process.env.KEEP_SYSTEM_LOGS) await rm(workDir, { recursive: true, force: true });
    },
  };
  try {
    // The first auth-server creates the signing key; the others then find it instead of racing for one.
    auth.push(await startAuth(0));
    auth.push(await startAuth(1));
    api.push(...(await Promise.all([startApi(0), startApi(1)])));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
