import { parseArgs } from "node:util";
import { directDatabase, directDatabaseVariables, parseEnvironment } from "@textbook/migrations/config";
import * as z from "zod";
import { environmentSchema } from "../config/environment-schema.js";

/** What `npm run keys -w auth-server -- …` was asked to do. */
export type KeysCommand =
  | { action: "list"; json: boolean }
  | { action: "rotate"; wait: boolean }
  | { action: "revoke"; kid: string; yes: boolean; wait: boolean };

/** The command and the environment it runs with, parsed once. */
export interface KeysCommandConfig {
  command: KeysCommand;
  databaseUrl: string;
  /** Which variable the URL came from, for messages. */
  databaseVariable: "DATABASE_URL_UNPOOLED" | "DATABASE_URL";
  /** JWT_KEY_ROTATION_INTERVAL and JWT_KEY_GRACE_PERIOD, as the auth-servers have them. */
  rotationSeconds: number;
  graceSeconds: number;
}

/** A mistake in the command line or the environment; the message says what to do. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage: npm run keys -w auth-server -- <command> [options]

Manages the RS256 keys that sign access tokens (the jwks table), on DATABASE_URL_UNPOOLED (falling back to
DATABASE_URL). Give it JWT_KEY_ROTATION_INTERVAL and JWT_KEY_GRACE_PERIOD if the auth-servers set them.
It never needs the secret: running auth-servers make new keys, within 2 seconds.

Commands:
  list                 each key's kid, creation time and state (next, signing, retired, expired)
  rotate               the signing key stops signing now and stays in the JWKS for the grace period, so
                       tokens it signed keep working; an auth-server makes the key that signs from now on
  revoke <kid>         deletes the key: it leaves the JWKS at once, and every token it signed is refused by
                       the profile-api within its JWKS_CACHE_TTL; another key signs (after a leak)

Options:
  --yes                revoke without asking (needed when not run from a terminal)
  --no-wait            do not wait for an auth-server to make the new signing key
  --json               list as JSON
  --help               show this text

Exit codes: 0 done, 1 failed (database), 2 usage, 3 no such key, 4 done but no key signs yet
(no auth-server is running: the next one to start makes one).`;

// The direct database, and the two durations as the auth-servers read them (the same schema entries).
const keysCommandEnvironment = z.object({
  ...directDatabaseVariables,
  ...environmentSchema.pick({ JWT_KEY_ROTATION_INTERVAL: true, JWT_KEY_GRACE_PERIOD: true }).shape,
});

/** Parses argv (after `--`) and the environment; throws a UsageError that says what is wrong. */
export function parseKeysCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): KeysCommandConfig | "help" {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun with --help for the commands.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const [action, ...rest] = positionals;
  const command = toCommand(action, rest, values);
  let variables: z.output<typeof keysCommandEnvironment>;
  try {
    variables = parseEnvironment(keysCommandEnvironment, env, "keys command");
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const database = directDatabase(variables);
  if (!database) {
    throw new UsageError(
      "Set DATABASE_URL_UNPOOLED (or DATABASE_URL) to the auth-server's database (Neon: the direct URL).",
    );
  }
  return {
    command,
    databaseUrl: database.url,
    databaseVariable: database.variable,
    rotationSeconds: variables.JWT_KEY_ROTATION_INTERVAL,
    graceSeconds: variables.JWT_KEY_GRACE_PERIOD,
  };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      yes: { type: "boolean", default: false },
      "no-wait": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

function toCommand(
  action: string | undefined,
  rest: string[],
  values: ReturnType<typeof parseOptions>["values"],
): KeysCommand {
  const extra = (expected: number) => {
    if (rest.length > expected)
      throw new UsageError(`Unexpected argument "${rest[expected]}". Run with --help.`);
  };
  switch (action) {
    case "list":
      extra(0);
      return { action, json: values.json };
    case "rotate":
      extra(0);
      return { action, wait: !values["no-wait"] };
    case "revoke": {
      const kid = rest[0];
      if (!kid) throw new UsageError("Name the key to revoke: revoke <kid> (`list` shows the kids).");
      extra(1);
      return { action, kid, yes: values.yes, wait: !values["no-wait"] };
    }
    case undefined:
      throw new UsageError("Name a command: list, rotate or revoke <kid>. Run with --help for details.");
    default:
      throw new UsageError(`Unknown command "${action}": use list, rotate or revoke <kid>.`);
  }
}
