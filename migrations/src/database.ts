import pg from "pg";
import { databaseUrlProblem } from "./config/database-url.js";

/** The few logger methods the database module needs; a pino logger fits. */
export interface DatabaseLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PoolOptions {
  /** A postgres:// URL; `sslmode` in it decides TLS (pg reads it). */
  connectionString: string;
  /** Upper bound of open connections. Size it against Neon's limits (OPERATIONS.md). */
  max?: number;
  /** Shown in `pg_stat_activity`, so an operator can tell the services apart. */
  applicationName?: string;
  logger?: DatabaseLogger;
  /** Milliseconds to wait for a connection; Neon cold starts take a few seconds. */
  connectionTimeoutMillis?: number;
  /** Milliseconds a statement may run before the server cancels it. */
  statementTimeoutMillis?: number;
}

const silentLogger: DatabaseLogger = { info() {}, warn() {}, error() {} };

/** Throws a one-line, person-readable error if `value` is not a usable Postgres URL. */
export function parseDatabaseUrl(value: string, variable: string): URL {
  const problem = databaseUrlProblem(value);
  if (problem) throw new Error(`${variable} ${problem}`);
  return new URL(value);
}

/** The URL with its password replaced, safe for logs and error messages. */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "*****";
    return url.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/**
 * Creates the one pg Pool a process uses. Errors on idle clients (Neon's scale-to-zero closes them)
 * are logged instead of crashing the process: https://node-postgres.com/apis/pool#error
 */
export function createPool(options: PoolOptions): pg.Pool {
  const logger = options.logger ?? silentLogger;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    // Well under Neon's 5-minute idle cut-off, so we close idle clients before the server does.
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? "textbook",
    ...(options.statementTimeoutMillis ? { statement_timeout: options.statementTimeoutMillis } : {}),
  });
  pool.on("error", (error: Error & { code?: string }) => {
    // Only the code and message: a query's parameters are never logged.
    logger.warn({ code: error.code, err: { message: error.message } }, "idle database connection failed");
  });
  // pg-pool listens for errors on idle clients only. A client checked out between two statements (inside a
  // transaction) that the server disconnects (restart, failover) would otherwise crash the process with an
  // unhandled 'error' event; with this listener its next statement fails and the pool discards it.
  // test/system (database restart) shows it.
  pool.on("connect", (client) => {
    client.on("error", (error: Error & { code?: string }) => {
      logger.warn({ code: error.code, err: { message: error.message } }, "database connection failed");
    });
  });
  return pool;
}

const RETRYABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, e.g. a Neon compute waking)
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** True for errors that mean "could not reach or keep a connection", never for a failed statement. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: string }).code;
  if (code && RETRYABLE_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|connection error and is not queryable/i.test(
    error.message,
  );
}

export interface WaitOptions {
  logger?: DatabaseLogger;
  /** Total time to keep trying, in milliseconds. */
  timeoutMillis?: number;
  /** What to name in the final error, e.g. "DATABASE_URL". */
  variable?: string;
}

/**
 * Waits until the database answers `SELECT 1`, retrying connection failures with exponential backoff.
 * Only the connection is retried: the probe is read-only, so no statement can run twice.
 */
export async function waitForDatabase(pool: pg.Pool, options: WaitOptions = {}): Promise<void> {
  const logger = options.logger ?? silentLogger;
  const deadline = Date.now() + (options.timeoutMillis ?? 30_000);
  let delay = 200;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query("SELECT 1");
      return;
    } catch (error) {
      if (!isConnectionError(error) || Date.now() + delay > deadline) {
        throw new Error(describeConnectionError(error, options.variable ?? "DATABASE_URL"), { cause: error });
      }
      logger.warn(
        { attempt, retryInMs: delay, code: (error as { code?: string }).code },
        "database not ready",
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

/** One line that says what went wrong connecting and what to check. */
export function describeConnectionError(error: unknown, variable: string): string {
  const err = error as Error & { code?: string; hostname?: string; address?: string; port?: number };
  const where = err.address
    ? `${err.address}${err.port ? `:${err.port}` : ""}`
    : (err.hostname ?? "the server");
  switch (err.code) {
    case "ECONNREFUSED":
      return `Cannot reach the database at ${where} (connection refused): is the server running, and is the host and port in ${variable} right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the database host "${err.hostname}": check the host name in ${variable}.`;
    case "28P01":
    case "28000":
      return `The database refused the credentials: check the user name and password in ${variable}.`;
    case "3D000":
      return `The database named in ${variable} does not exist: create it, or fix the name.`;
    case "42501":
      return `Permission denied: the user in ${variable} lacks a privilege this command needs (${err.message}).`;
    default:
      // node-postgres's own wording when the server asks for a SCRAM password and the URL has none.
      if (/client password must be a string/.test(err.message ?? "")) {
        return `The database asks for a password and ${variable} has none: put it in the URL (postgres://user:password@host/database).`;
      }
      return `Database error via ${variable}: ${err.message ?? String(error)}`;
  }
}

/**
 * Runs `fn` inside BEGIN … COMMIT on one checked-out client, rolling back on any error.
 * https://node-postgres.com/features/transactions
 * `begin` replaces the opening BEGIN: a BEGIN with its isolation level and the transaction's SET LOCAL settings,
 * sent as one simple query, so they cost one round trip instead of one each (it matters over a network).
 * `prepare`, when given, runs on the checked-out client before BEGIN, outside the transaction: for state the
 * connection keeps across transactions (the Supabase migration creates its temporary staging tables there once).
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  begin = "BEGIN",
  prepare?: (client: pg.PoolClient) => Promise<void>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await prepare?.(client);
    await client.query(begin);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is in an unknown state: destroy it instead of returning it to the pool.
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
