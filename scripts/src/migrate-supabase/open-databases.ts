import { createPool, waitForDatabase } from "@textbook/migrations/database";
import type pg from "pg";
import type { MigrationConfig } from "./config.js";

/**
 * Batches in flight at once. Most of a batch's time over a network is waiting for round trips (about seven per batch
 * on a rerun), so more batches in flight hide more of it, up to about six (the round-trip figures in BENCHMARKS.md).
 * On one machine it changes nothing.
 */
export const BATCHES_IN_FLIGHT = 6;

/**
 * Of those, batches reading users in full (mapping, planning and writing them) at once: they hold the batch's rows
 * in memory, and three keep both cores of a 2-core machine busy. A rerun's batches whose users
 * are all unchanged read only digests, and do not count.
 */
export const FULL_READS_IN_FLIGHT = 3;

export interface Databases {
  source: pg.Pool;
  target: pg.Pool;
  close(): Promise<void>;
}

/** Opens the source and target pools and checks both answer, with messages that name the variable to fix. */
export async function openDatabases(config: MigrationConfig): Promise<Databases> {
  // BATCHES_IN_FLIGHT batches at once, each holding one connection of each pool at a time, plus
  // the reader of the next page on the source and one for a dry run's conflict lookups on the target.
  const source = createPool({
    connectionString: config.sourceUrl,
    max: BATCHES_IN_FLIGHT + 1,
    applicationName: "migrate-supabase (read only)",
  });
  const target = createPool({
    connectionString: config.targetUrl,
    max: BATCHES_IN_FLIGHT + 1,
    applicationName: "migrate-supabase",
  });
  const close = async () => {
    await Promise.allSettled([source.end(), target.end()]);
  };
  try {
    await waitForDatabase(source, { variable: "SUPABASE_DB_URL", timeoutMillis: 5_000 });
    await waitForDatabase(target, { variable: config.targetVariable, timeoutMillis: 5_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return { source, target, close };
}
