import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";

/**
 * Runs `fn`'s queries in one read-only REPEATABLE READ transaction in UTC: the queries of a batch see one
 * snapshot, nothing in it can write, and timestamps read as the same text on both databases. Settings are
 * transaction-local (SET LOCAL), so they hold through a transaction-mode pooler too and leave no session state.
 */
export function readInUtc<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    return fn(client);
  });
}
