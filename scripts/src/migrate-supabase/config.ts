import { parseArgs } from "node:util";
import { databaseUrl, parseEnvironment } from "@textbook/migrations/config";
import { z } from "zod";
import { UsageError } from "./errors.js";

export interface MigrationConfig {
  sourceUrl: string;
  targetUrl: string;
  /** Which variable the target URL came from, for messages. */
  targetVariable: "DATABASE_URL_UNPOOLED" | "DATABASE_URL";
  dryRun: boolean;
  /** Skip the confirmation prompt. */
  yes: boolean;
  batchSize: number;
  reportFile: string | null;
  verbose: boolean;
  /** Map and compare every user, also those whose source digest shows no change since their import. */
  fullCompare: boolean;
}

export const USAGE = `Usage: npm run migrate:supabase -- [options]

Moves Supabase Auth users, their passwords, linked logins and profiles into this platform's database.
Reads SUPABASE_DB_URL (the Supabase database, only read) and DATABASE_URL_UNPOOLED (the target, direct URL).

Options:
  --dry-run          read everything, write nothing; exit 2 if the target would change, 0 if up to date
  --yes, --no-input  do not ask before writing
  --batch-size N     users per transaction (default 2000)
  --report FILE      write the full JSON report to FILE
  --verbose          print every skipped user and warning
  --full-compare     read and compare every user in full, part by part on both sides (by default a rerun
                     trusts the digests stored with each import: of its Supabase rows and of its rows here)
  --help             show this text

Exit codes: 0 done and reconciled, 1 error or mismatch, 2 dry-run found changes, 130 interrupted.`;

// The shared pieces (@textbook/migrations/config): a malformed URL is named without repeating its password.
const Env = z.object({
  SUPABASE_DB_URL: databaseUrl.optional(),
  DATABASE_URL_UNPOOLED: databaseUrl.optional(),
  DATABASE_URL: databaseUrl.optional(),
});

const BatchSize = z.coerce.number().int().min(1).max(50_000);

/** Parses the command line and the environment once; throws a UsageError that says what is wrong. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): MigrationConfig | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      "no-input": { type: "boolean", default: false },
      "batch-size": { type: "string", default: "2000" },
      report: { type: "string" },
      verbose: { type: "boolean", default: false },
      "full-compare": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  const parsedEnv = wrap(() => parseEnvironment(Env, env, "migrate:supabase"));
  const sourceUrl = parsedEnv.SUPABASE_DB_URL;
  if (!sourceUrl) {
    throw new UsageError("SUPABASE_DB_URL is not set: give the Supabase database's connection string.");
  }
  const batchSize = BatchSize.safeParse(values["batch-size"]);
  if (!batchSize.success) throw new UsageError("--batch-size must be a whole number from 1 to 50000.");
  const targetVariable = parsedEnv.DATABASE_URL_UNPOOLED ? "DATABASE_URL_UNPOOLED" : "DATABASE_URL";
  const targetUrl = parsedEnv.DATABASE_URL_UNPOOLED ?? parsedEnv.DATABASE_URL;
  if (!targetUrl) {
    throw new UsageError(
      "DATABASE_URL_UNPOOLED is not set: give the target database's direct (unpooled) connection string.",
    );
  }
  checkUrls(sourceUrl, targetUrl, targetVariable);
  return {
    sourceUrl,
    targetUrl,
    targetVariable,
    dryRun: values["dry-run"],
    yes: values.yes || values["no-input"],
    batchSize: batchSize.data,
    reportFile: values.report ?? null,
    verbose: values.verbose,
    fullCompare: values["full-compare"],
  };
}

function checkUrls(sourceUrl: string, targetUrl: string, targetVariable: string): void {
  const source = new URL(sourceUrl);
  const target = new URL(targetUrl);
  // Bulk work belongs on the direct connection (the contract's DATABASE_URL_UNPOOLED); Neon's pooler (PgBouncer,
  // transaction mode) is sized for the services' many short queries. https://neon.com/docs/connect/connection-pooling
  if (target.hostname.includes("-pooler")) {
    throw new UsageError(
      `${targetVariable} points at Neon's pooler (${target.hostname}): use the direct URL, the same host without "-pooler".`,
    );
  }
  // Likewise Supabase's transaction pooler (port 6543, for short serverless queries); its session mode (5432) and the
  // direct host are meant for long-lived clients such as this one.
  if (source.hostname.endsWith(".pooler.supabase.com") && source.port === "6543") {
    throw new UsageError(
      "SUPABASE_DB_URL uses the transaction pooler (port 6543): use the direct connection or the session pooler (port 5432).",
    );
  }
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
