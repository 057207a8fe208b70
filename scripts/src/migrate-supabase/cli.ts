import { stdin } from "node:process";
import { createInterface } from "node:readline/promises";
import { parseConfig, USAGE } from "./config.js";
import { EXIT, MigrationError, UsageError } from "./errors.js";
import { runMigration } from "./run-migration.js";

// Ctrl-C or a stop signal ends the process at once: the batch in flight is one open transaction, which the
// server rolls back when the connection drops, and every committed batch is recorded, so a rerun resumes.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(
      "\nInterrupted. Committed batches are kept; run the same command again to resume.\n",
    );
    process.exit(EXIT.interrupted);
  });
}

async function confirm(question: string): Promise<boolean> {
  const readline = createInterface({ input: stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await readline.question(question)).trim());
  } finally {
    readline.close();
  }
}

async function main(): Promise<number> {
  try {
    const config = parseConfig(process.argv.slice(2), process.env);
    if (config === "help") {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const { code } = await runMigration(config, {
      stdout: process.stdout,
      stderr: process.stderr,
      confirm: stdin.isTTY ? confirm : null,
    });
    return code;
  } catch (error) {
    const known =
      error instanceof MigrationError ||
      (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
    process.stderr.write(`${known ? "" : "Error: "}${(error as Error).message}\n`);
    if (error instanceof UsageError) process.stderr.write("Run with --help for the options.\n");
    return EXIT.failed;
  }
}

process.exitCode = await main();
// The work is done: give the event loop a moment to drain, then exit whatever is left open. (node-postgres leaves the
// socket of a connection whose SCRAM authentication failed on the client side open, which kept the process alive.)
setTimeout(() => process.exit(), 2_000).unref();
