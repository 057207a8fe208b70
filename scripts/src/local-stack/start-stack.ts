import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningPostgres, startEmbeddedPostgres } from "@textbook/dev-tools/embedded-postgres";
import { parseDatabaseUrl, redactDatabaseUrl } from "@textbook/migrations/database";
import { migrate } from "@textbook/migrations/migrate";
import exitHook from "async-exit-hook";
import concurrently, { type ConcurrentlyCommandInput } from "concurrently";
import pg from "pg";
import { assertPortsFree } from "./port-check.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const DATA_DIR = join(ROOT, ".data");
const LOCAL_DATABASE = "textbook";

interface Service {
  name: string;
  workspace: string;
  portVariable: string;
  defaultPort: number;
  url: (port: number) => string;
}

// A service is started once its workspace has a server (the website once it has a Docusaurus config).
const SERVICES: Service[] = [
  {
    name: "auth",
    workspace: "auth-server",
    portVariable: "AUTH_PORT",
    defaultPort: 4000,
    url: (port) => `http://localhost:${port}/api/auth/ok`,
  },
  {
    name: "profile",
    workspace: "profile-api",
    portVariable: "PROFILE_API_PORT",
    defaultPort: 4100,
    url: (port) => `http://localhost:${port}/docs`,
  },
  {
    name: "website",
    workspace: "website",
    portVariable: "WEBSITE_PORT",
    defaultPort: 3000,
    url: (port) => `http://localhost:${port}/`,
  },
];

function isPresent(service: Service): boolean {
  const marker = service.workspace === "website" ? "docusaurus.config.ts" : "src/server.ts";
  return existsSync(join(ROOT, service.workspace, marker));
}

function portOf(service: Service): number {
  const raw = process.env[service.portVariable];
  const port = raw === undefined ? service.defaultPort : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${service.portVariable} must be a port number from 1 to 65535 (got "${raw}").`);
  }
  return port;
}

/**
 * The services find each other through their public URLs. When only a port is moved (AUTH_PORT=14000), the URLs
 * that name it must move too; a URL set explicitly (a proxy in front) wins.
 */
function publicUrls(services: (Service & { port: number })[]): Record<string, string> {
  const port = (workspace: string, fallback: number) =>
    services.find((s) => s.workspace === workspace)?.port ?? fallback;
  return {
    BETTER_AUTH_URL: `http://localhost:${port("auth-server", 4000)}`,
    PROFILE_API_URL: `http://localhost:${port("profile-api", 4100)}`,
    WEBSITE_URL: `http://localhost:${port("website", 3000)}`,
  };
}

/** Starts the embedded Postgres (unless DATABASE_URL is set) and returns the URLs the services use. */
async function prepareDatabase(): Promise<{ pooled: string; direct: string; embedded?: RunningPostgres }> {
  const given = process.env.DATABASE_URL;
  if (given) {
    parseDatabaseUrl(given, "DATABASE_URL");
    const direct = process.env.DATABASE_URL_UNPOOLED ?? given;
    return { pooled: given, direct };
  }
  console.log("[stack] DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)");
  const embedded = await startEmbeddedPostgres({ dataDir: join(DATA_DIR, "postgres"), preferredPort: 5432 });
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [LOCAL_DATABASE]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${LOCAL_DATABASE}`);
  await admin.end();
  const url = new URL(embedded.url);
  url.pathname = `/${LOCAL_DATABASE}`;
  return { pooled: url.toString(), direct: url.toString(), embedded };
}

async function main(): Promise<void> {
  // embedded-postgres stops its servers on signals through async-exit-hook; the launcher stops the services
  // first and the database last, so it takes those signals over.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);

  const services = SERVICES.filter(isPresent).map((service) => ({ ...service, port: portOf(service) }));
  await assertPortsFree(services.map(({ port, portVariable }) => ({ port, variable: portVariable })));

  const database = await prepareDatabase();
  try {
    await runServices(services, database);
  } catch (error) {
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
}

async function runServices(
  services: (Service & { port: number })[],
  database: { pooled: string; direct: string; embedded?: RunningPostgres },
): Promise<void> {
  let stopping = false;
  const stopDatabase = async () => {
    await database.embedded?.stop().catch((error: Error) => console.error(`[stack] ${error.message}`));
  };
  const earlyStop = async () => {
    stopping = true;
    await stopDatabase();
    process.exit(130);
  };
  process.once("SIGINT", earlyStop);
  process.once("SIGTERM", earlyStop);

  console.log(`[stack] database ${redactDatabaseUrl(database.pooled)}`);
  const applied = await migrate({ connectionString: database.direct, variable: "DATABASE_URL_UNPOOLED" });
  console.log(
    `[stack] migrations: ${applied.length ? `applied ${applied.map((m) => m.fileName).join(", ")}` : "up to date"}`,
  );
  if (stopping) return;
  process.removeListener("SIGINT", earlyStop);
  process.removeListener("SIGTERM", earlyStop);

  if (services.length === 0) {
    console.log("[stack] no service to start yet; the database is ready. Ctrl-C stops it.");
    const signal = await new Promise<NodeJS.Signals>((done) => {
      for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(name, () => done(name));
    });
    console.log(`[stack] ${signal}: stopping the database`);
    await stopDatabase();
    return;
  }
  const env = {
    ...publicUrls(services),
    ...process.env,
    DATABASE_URL: database.pooled,
    DATABASE_URL_UNPOOLED: database.direct,
  };
  const commands: ConcurrentlyCommandInput[] = services.map((service) => ({
    name: service.name,
    command: `npm run --silent start -w ${service.workspace}`,
    env: { ...env, [service.portVariable]: String(service.port) },
  }));
  const { result, commands: running } = concurrently(commands, {
    prefix: "[{name}]",
    killOthersOn: ["failure"],
    cwd: ROOT,
  });
  for (const service of services) console.log(`[stack] ${service.workspace}: ${service.url(service.port)}`);

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[stack] ${signal}: stopping the services, then the database`);
    for (const command of running) command.kill("SIGTERM");
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  process.on("SIGHUP", shutdown);

  const failed = await result.then(
    () => false,
    () => !stopping,
  );
  await stopDatabase();
  process.exit(failed ? 1 : 0);
}

main().catch(async (error: Error) => {
  for (const line of error.message.split("\n")) console.error(`[stack] ${line}`);
  process.exit(1);
});
