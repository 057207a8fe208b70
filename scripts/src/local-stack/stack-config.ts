import { directDatabaseVariables, parseEnvironment, port } from "@textbook/migrations/config";
import * as z from "zod";

// Ports must be known before the services start (the launcher prints their addresses), so 0 is refused.
const environmentSchema = z.object({
  AUTH_PORT: port(4000, { min: 1 }),
  PROFILE_API_PORT: port(4100, { min: 1 }),
  WEBSITE_PORT: port(3000, { min: 1 }),
  ...directDatabaseVariables,
});

/** The variable that moves each service's port. */
export type PortVariable = "AUTH_PORT" | "PROFILE_API_PORT" | "WEBSITE_PORT";

/** What `npm start` needs from its environment, parsed once at start. */
export interface StackConfig {
  ports: Record<PortVariable, number>;
  /** A database given by the caller (DATABASE_URL, direct DATABASE_URL_UNPOOLED); unset: the embedded one. */
  database: { pooled: string; direct: string } | undefined;
  /** The whole environment, handed on to the services, whose own configuration modules parse it. */
  inherited: Record<string, string | undefined>;
}

/** Reads the local stack's variables (the one place `npm start` reads `process.env`); throws a ConfigError. */
export function readStackConfig(env: Record<string, string | undefined> = process.env): StackConfig {
  const parsed = parseEnvironment(environmentSchema, env, "npm start");
  return {
    ports: {
      AUTH_PORT: parsed.AUTH_PORT,
      PROFILE_API_PORT: parsed.PROFILE_API_PORT,
      WEBSITE_PORT: parsed.WEBSITE_PORT,
    },
    database: parsed.DATABASE_URL
      ? { pooled: parsed.DATABASE_URL, direct: parsed.DATABASE_URL_UNPOOLED ?? parsed.DATABASE_URL }
      : undefined,
    inherited: { ...env },
  };
}
