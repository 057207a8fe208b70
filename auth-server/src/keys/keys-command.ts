import { createInterface } from "node:readline/promises";
import { createPool } from "@textbook/migrations/database";
import type pg from "pg";
import { deleteKey, retireSigningKeys, selectKeys } from "./jwks-table.js";
import { keyStates } from "./key-states.js";
import { type KeysCommandConfig, parseKeysCommand, USAGE, UsageError } from "./keys-command-config.js";

const EXIT = { done: 0, failed: 1, usage: 2, noSuchKey: 3, noSigningKeyYet: 4 } as const;

// Auth-servers reload the table every 2 s (src/app.ts) and make a missing signing key then; allow for a busy one.
const WAIT_FOR_SIGNING_KEY_MILLIS = 30_000;

/** `npm run keys -w auth-server -- list | rotate | revoke <kid>`; resolves to the exit code. */
export async function runKeysCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let config: KeysCommandConfig | "help";
  try {
    config = parseKeysCommand(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return EXIT.usage;
  }
  if (config === "help") {
    console.log(USAGE);
    return EXIT.done;
  }
  const pool = createPool({ connectionString: config.databaseUrl, max: 2, applicationName: "keys command" });
  try {
    return await run(config, pool);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return EXIT.usage;
    }
    // pg's messages name the host, never the password.
    console.error(`Failed on the database in ${config.databaseVariable}: ${(error as Error).message}`);
    return EXIT.failed;
  } finally {
    await pool.end();
  }
}

async function run(config: KeysCommandConfig, pool: pg.Pool): Promise<number> {
  const rotationMillis = config.rotationSeconds * 1000;
  const { command } = config;
  if (command.action === "list") {
    const states = keyStates(await selectKeys(pool, rotationMillis), config.graceSeconds);
    if (command.json) console.log(JSON.stringify(states, null, 2));
    else if (states.length === 0) console.log("No keys yet: the first auth-server to start makes one.");
    else
      for (const key of states)
        console.log(`${key.kid}  ${key.createdAt.toISOString()}  ${key.state.padEnd(7)}  ${key.detail}`);
    return EXIT.done;
  }
  if (command.action === "rotate") {
    const retired = await retireSigningKeys(pool, rotationMillis);
    for (const kid of retired) {
      console.log(
        `${kid} signs no more; it stays in the JWKS for the grace period, so its tokens keep working.`,
      );
    }
    if (retired.length === 0) console.log("No key was signing.");
    return command.wait ? reportSigningKey(pool, config, retired) : EXIT.done;
  }
  const keys = await selectKeys(pool, rotationMillis);
  const target = keys.find((key) => key.id === command.kid);
  if (!target) {
    console.error(`There is no key ${command.kid}. \`npm run keys -w auth-server -- list\` shows the keys.`);
    return EXIT.noSuchKey;
  }
  if (
    !command.yes &&
    !(await confirm(`Revoke ${command.kid}? Every token it signed will be refused. [y/N] `))
  ) {
    console.error("Nothing revoked.");
    return EXIT.usage;
  }
  if (!(await deleteKey(pool, command.kid, rotationMillis))) {
    console.error(`${command.kid} was deleted meanwhile (by another run of this command?).`);
    return EXIT.noSuchKey;
  }
  console.log(
    `Revoked ${command.kid}: deleted, private half included. Auth-servers drop it from the JWKS within 2 s, and ` +
      "profile-apis refuse its tokens within their JWKS_CACHE_TTL after that. Learners' pages get new tokens by themselves.",
  );
  return command.wait ? reportSigningKey(pool, config, [command.kid]) : EXIT.done;
}

/** Waits until a key other than `gone` signs, made by a running auth-server, and names it. */
async function reportSigningKey(pool: pg.Pool, config: KeysCommandConfig, gone: string[]): Promise<number> {
  const deadline = Date.now() + WAIT_FOR_SIGNING_KEY_MILLIS;
  for (;;) {
    const states = keyStates(await selectKeys(pool, config.rotationSeconds * 1000), config.graceSeconds);
    const signing = states.find((key) => key.state === "signing" && !gone.includes(key.kid));
    if (signing) {
      console.log(`${signing.kid} signs now.`);
      return EXIT.done;
    }
    if (Date.now() >= deadline) break;
    console.error("Waiting for an auth-server to make the new signing key…");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  console.error(
    "No auth-server made a signing key within 30 s: is one running on this database? The next one to start makes it.",
  );
  return EXIT.noSigningKeyYet;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new UsageError("revoke deletes the key at once: run it again with --yes to confirm.");
  }
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await readline.question(question)).trim());
  } finally {
    readline.close();
  }
}
