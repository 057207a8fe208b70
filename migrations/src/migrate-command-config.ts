import { parseArgs } from "node:util";
import * as z from "zod";
import { ConfigError, directDatabase, directDatabaseVariables, parseEnvironment } from "./config/index.js";

/** What `npm run db:migrate` was asked to do, and on which database. */
export interface MigrateCommandConfig {
  /** List applied and pending migrations instead of applying. */
  status: boolean;
  connectionString: string;
  /** Which variable the URL came from, for messages. */
  variable: "DATABASE_URL_UNPOOLED" | "DATABASE_URL";
}

const environmentSchema = z.object(directDatabaseVariables);

/**
 * Reads the command line and the environment of `npm run db:migrate` (the one place the command reads
 * `process.env`); throws a ConfigError that says what to set.
 */
export function readMigrateCommand(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): MigrateCommandConfig | "help" {
  const { values } = parseArgs({
    args: argv,
    options: { status: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) return "help";
  const database = directDatabase(parseEnvironment(environmentSchema, env, "db:migrate"));
  if (!database) {
    throw new ConfigError(
      "Set DATABASE_URL_UNPOOLED (or DATABASE_URL) to the database to migrate. `npm start` does this for the embedded Postgres.",
    );
  }
  return { status: values.status ?? false, connectionString: database.url, variable: database.variable };
}
