import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningPostgres, startEmbeddedPostgres } from "@textbook/dev-tools/embedded-postgres";
import { redactDatabaseUrl } from "@textbook/migrations/database";
import { migrate } from "@textbook/migrations/migrate";
import exitHook from "async-exit-hook";
import concurrently, { type ConcurrentlyCommandInput } from "concurrently";
import pg from "pg";
import { assertPortsFree } from "./port-check.js";
import { type PortVariable, readStackConfig, type StackConfig } from "./stack-config.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const DATA_DIR = join(ROOT, ".data");
const LOCAL_DATABASE = "textbook";

interface Service {
  name: string;
  workspace: string;
  portVariable: PortVariable;
  url: (port: number) => string;
}

const SERVICES: Service[] = [
  {
    name: "auth",
    workspace: "auth-server",
    portVariable: "AUTH_PORT",
    url: (port) => `http://localhost:${port}/api/auth/ok`,
  },
  {
    name: "profile",
    workspace: "profile-api",
    portVariable: "PROFILE_API_PORT",
    url: (port) => `http://localhost:${port}/docs`,
  },
  {
    name: "website",
    workspace: "website",
    portVariable: "WEBSITE_PORT",
    url: (port) => `http://localhost:${port}/`,
  },
];

/**
 * The services find each other through their public URLs. When only a port is moved (AUTH_PORT=14000), the URLs
 * that name it must move too; a URL set explicitly (a proxy in front) wins.
 */
function publicUrls(ports: StackConfig["ports"]): Record<string, string> {
  return {
    BETTER_AUTH_URL: `http://localhost:${ports.AUTH_PORT}`,
    PROFILE_API_URL: `http://localhost:${ports.PROFILE_API_PORT}`,
    WEBSITE_URL: `http://localhost:${ports.WEBSITE_PORT}`,
  };
}

/** Starts the embedded Postgres (unless DATABASE_URL is set) and returns the URLs the services use. */
async function prepareDatabase(
  given: StackConfig["database"],
): Promise<{ pooled: string; direct: string; embedded?: RunningPostgres }> {
  if (given) return given;
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

  const config = readStackConfig();
  const services = SERVICES.map((service) => ({ ...service, port: config.ports[service.portVariable] }));
  await assertPortsFree(services.map(({ port, portVariable }) => ({ port, variable: portVariable })));

  const database = await prepareDatabase(config.database);
  try {
    await runServices(config, services, database);
  } catch (error) {
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
}

async function runServices(
  config: StackConfig,
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

  const env = {
    ...publicUrls(config.ports),
    ...config.inherited,
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
