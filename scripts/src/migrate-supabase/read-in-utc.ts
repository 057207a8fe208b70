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
 * Runs `fn`'s queries in one read-only REPEATABLE READ transaction with UTC_SETTINGS: the queries of a batch see
 * one snapshot, and nothing in it can write.
 */
export function readInUtc<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query(UTC_SETTINGS);
    return fn(client);
  });
}
