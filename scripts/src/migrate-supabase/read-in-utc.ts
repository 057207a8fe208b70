import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";

/**
 * A transaction's settings for reading rows as text that both databases print alike: UTC and ISO dates, whatever
 * each server's defaults (timestamps are fingerprinted as text). JIT is off: on a freshly loaded table the planner's
 * estimates can make PostgreSQL spend longer compiling a batch's query than running it. Transaction-local (SET
 * LOCAL): no session state outlives the transaction. Writes take them too: every timestamp they parse carries its
 * offset, so the time zone does not change what is stored.
 */
export const UTC_SETTINGS =
  "SET LOCAL TIME ZONE 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL jit = off";

/**
 * Transaction settings for statements that join the id ranges of one batch: by merge or hash, never by a nested
 * loop, so a batch's statement costs what the batch is large whatever the planner estimates (it estimates a batch's
 * uuid range at about one row, and a nested loop would re-read one range for every row of another). PostgreSQL
 * chose merge joins here on its own (test/migrate-supabase/query-plans.test.ts); the setting keeps a skewed
 * estimate from choosing otherwise. JIT is off, as above.
 */
export const NO_NESTED_LOOPS = "SET LOCAL enable_nestloop = off; SET LOCAL jit = off";

/**
 * Runs `fn`'s queries in one read-only REPEATABLE READ transaction with UTC_SETTINGS and NO_NESTED_LOOPS: the
 * queries of a batch see one snapshot, and nothing in it can write.
 */
export function readInUtc<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(
    pool,
    fn,
    `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${UTC_SETTINGS}; ${NO_NESTED_LOOPS}`,
  );
}
