import { createPool, waitForDatabase } from "@textbook/migrations/database";
import type pg from "pg";
import type { MigrationConfig } from "./config.js";

export interface Databases {
  source: pg.Pool;
  target: pg.Pool;
  close(): Promise<void>;
}

/** Opens the source and target pools and checks both answer, with messages that name the variable to fix. */
export async function openDatabases(config: MigrationConfig): Promise<Databases> {
  const source = createPool({
    connectionString: config.sourceUrl,
    max: 2,
    applicationName: "migrate-supabase (read only)",
  });
  const target = createPool({
    connectionString: config.targetUrl,
    // Two batches in flight, each holding one connection at a time, plus one for the plan's lookups.
    max: 3,
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
