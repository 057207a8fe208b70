import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertBulkUsers } from "../fixtures/supabase-fixture.js";
import {
  type CliRun,
  createDatabasePair,
  type DatabasePair,
  migrateInProcess,
  rows,
  runCli,
  startCli,
  targetData,
} from "./harness.js";

const USERS = 4000;
const BATCH = 100;

/** Waits until some batches have committed while another one is open on the target. */
async function waitForOpenBatch(
  targetUrl: string,
  child: ChildProcess,
  done: Promise<CliRun>,
): Promise<void> {
  for (;;) {
    const [state] = await rows<{ imported: number; open: number }>(
      targetUrl,
      `SELECT (SELECT count(*)::int FROM supabase_import) AS imported,
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'migrate-supabase'
                  AND xact_start IS NOT NULL AND backend_xid IS NOT NULL) AS open`,
    );
    if (state && state.imported > 0 && state.open > 0) return;
    if (child.exitCode !== null)
      throw new Error(`the run ended before it could be stopped: ${(await done).stderr}`);
    await sleep(5);
  }
}

describe("a run stopped in the middle of a batch", () => {
  let pair: DatabasePair;
  let clean: TestDatabase;
  let interrupted: TestDatabase;

  beforeAll(async () => {
    pair = await createDatabasePair();
    clean = await createTestDatabase();
    interrupted = await createTestDatabase();
    await insertBulkUsers(pair.source.url, USERS);
  });
  afterAll(async () => {
    await pair?.drop();
    await clean?.drop();
    await interrupted?.drop();
  });

  it("exits 130 at once on Ctrl-C and says how to resume", async () => {
    const env = { ...pair.env, DATABASE_URL_UNPOOLED: interrupted.url };
    const { child, done } = startCli(env, ["--yes", "--batch-size", String(BATCH)]);
    await waitForOpenBatch(interrupted.url, child, done);
    child.kill("SIGINT");
    const run = await done;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("run the same command again to resume");
  });

  it("leaves only whole batches behind, and a rerun ends exactly where one clean run ends", async () => {
    const { child, done } = startCli(pair.env, ["--yes", "--batch-size", String(BATCH)]);
    // Kill once some batches have committed while the next one is open on the target.
    for (;;) {
      const [state] = await rows<{ imported: number; open: number }>(
        pair.target.url,
        `SELECT (SELECT count(*)::int FROM supabase_import) AS imported,
                (SELECT count(*)::int FROM pg_stat_activity
                  WHERE datname = current_database() AND application_name = 'migrate-supabase'
                    AND xact_start IS NOT NULL AND backend_xid IS NOT NULL) AS open`,
      );
      if (state && state.imported > 0 && state.open > 0) break;
      if (child.exitCode !== null)
        throw new Error(`the run ended before it could be killed: ${(await done).stderr}`);
      await sleep(5);
    }
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");
    // A COMMIT the command sent just before it died is still carried out by its server process, which then sees
    // the closed connection and exits: count what is left only once those processes are gone.
    await expect
      .poll(
        async () =>
          (
            await rows<{ n: number }>(
              pair.target.url,
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'migrate-supabase'`,
            )
          )[0]?.n,
        { timeout: 10_000 },
      )
      .toBe(0);

    const [partial] = await rows<{ users: number; imported: number; credentials: number }>(
      pair.target.url,
      `SELECT (SELECT count(*)::int FROM "user") AS users, (SELECT count(*)::int FROM supabase_import) AS imported,
              (SELECT count(*)::int FROM account WHERE "providerId" = 'credential') AS credentials`,
    );
    expect(partial?.imported).toBeLessThan(USERS);
    expect((partial?.imported ?? 1) % BATCH).toBe(0);
    expect(partial?.users).toBe(partial?.imported);
    expect(partial?.credentials).toBe(partial?.imported);

    const resumed = await runCli(pair.env, ["--yes", "--batch-size", String(BATCH)]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`migrating: ${USERS}/${USERS} users`);
    expect(resumed.stdout).toMatch(new RegExp(`${USERS - (partial?.imported ?? 0)} users created`));

    const single = await migrateInProcess({ ...pair.env, DATABASE_URL_UNPOOLED: clean.url });
    expect(single.code).toBe(0);
    expect(await targetData(pair.target.url)).toEqual(await targetData(clean.url));
  });
});
