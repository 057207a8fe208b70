import { createPool, describeConnectionError, isConnectionError } from "@textbook/migrations/database";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type pg from "pg";

declare module "fastify" {
  interface FastifyInstance {
    pg: pg.Pool;
  }
}

// Errors that mean "the database is not there right now", on top of the shared module's connection errors.
const UNAVAILABLE_CODES = new Set([
  "3D000", // invalid_catalog_name: the database was dropped or renamed
  "53300", // too_many_connections
  "57014", // query_canceled: the statement timeout fired
]);

/** True when a request failed because the database could not be reached, not because of the request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && UNAVAILABLE_CODES.has(code);
}

/** The one pg pool of the process, from the shared database module; ended when the server closes. */
export default fp(
  async function database(fastify: FastifyInstance, options: { databaseUrl: string; max: number }) {
    const pool = createPool({
      connectionString: options.databaseUrl,
      max: options.max,
      applicationName: "profile-api",
      logger: fastify.log,
      // A request must not hang while the database is away: fail within seconds and answer 503.
      connectionTimeoutMillis: 2_000,
      statementTimeoutMillis: 5_000,
    });
    fastify.decorate("pg", pool);
    fastify.addHook("onClose", () => pool.end());
    // Starting without a database is allowed (/readyz says 503 until it answers); the log says what to check.
    fastify.addHook("onReady", async () => {
      await pool.query("SELECT 1").catch((error: unknown) => {
        fastify.log.warn(
          { code: (error as { code?: string }).code },
          describeConnectionError(error, "DATABASE_URL"),
        );
      });
    });
  },
  { name: "database" },
);
