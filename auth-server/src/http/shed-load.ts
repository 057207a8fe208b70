import { OVERLOAD_POLICY, type OverloadMonitor } from "@textbook/migrations/operations";
import type { RequestHandler } from "express";

/**
 * While the event loop is behind (OVERLOAD_POLICY), answers 503 SERVICE_OVERLOADED in the error contract's shape
 * with Retry-After, instead of letting every request slow down. /healthz still answers: the process is alive,
 * only busy, and a supervisor must not restart it.
 */
export function shedLoad(monitor: OverloadMonitor): RequestHandler {
  return (req, res, next) => {
    if (req.path === "/healthz" || !monitor.isOverloaded()) {
      next();
      return;
    }
    res
      .status(503)
      .setHeader("Retry-After", String(OVERLOAD_POLICY.retryAfterSeconds))
      .json({ code: "SERVICE_OVERLOADED", message: OVERLOAD_POLICY.message, requestId: req.id });
  };
}
