import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";

/**
 * Runs `fn`'s queries in one read-only REPEATABLE READ transaction in UTC with ISO dates: the queries of a batch
 * see one snapshot, nothing in it can write, and timestamps read as the same text on both databases whatever
 * each server's defaults. JIT is off: on a freshly loaded table the planner's estimates can make PostgreSQL spend
 * longer compiling a batch's query than running it. Settings are transaction-local (SET LOCAL): no session state.
 */
export function readInUtc<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query("SET LOCAL TIME ZONE 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL jit = off");
    return fn(client);
  });
}
