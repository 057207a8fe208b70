import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary DATA_DIR/OUTBOX_DIR and the environment a test auth-server runs with. */
export function testEnvironment(databaseUrl: string, extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "auth-server-test-"));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    OUTBOX_DIR: join(dataDir, "outbox"),
    BETTER_AUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
    WEBSITE_URL: "http://localhost:3999",
    PROFILE_API_URL: "http://localhost:4199",
    DATABASE_POOL_MAX: "4",
    ...extra,
  };
  return {
    env,
    outboxDir: env.OUTBOX_DIR as string,
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
