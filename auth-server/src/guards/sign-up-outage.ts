import { createAuthMiddleware, isAPIError } from "better-auth/api";
import type pg from "pg";

/**
 * After `/sign-up/email`: Better Auth turns any failure to insert the user into 422 `FAILED_TO_CREATE_USER`
 * and drops the cause. When that happens, ask the database; if it cannot be reached, the connection error goes
 * on to Express's error handler, which answers 503 `DATABASE_UNAVAILABLE` like every other route in an outage.
 */
export function reportSignUpOutage(pool: pg.Pool) {
  return createAuthMiddleware(async (ctx) => {
    const returned = ctx.context.returned;
    if (!isAPIError(returned) || returned.body?.code !== "FAILED_TO_CREATE_USER") return;
    await pool.query("SELECT 1");
  });
}
