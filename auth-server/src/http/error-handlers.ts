import { isConnectionError } from "@textbook/migrations/database";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";

/** 404 in Better Auth's error shape, so clients parse one shape everywhere. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ code: "NOT_FOUND", message: "There is nothing at this address." });
};

/**
 * Unexpected errors: a generic message with the request id; the cause goes to the log only. An unreachable
 * database is 503 (the client may retry; the load balancer sees it on /readyz too), anything else 500.
 */
export function internalError(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // Routes before the request logger (the JWKS) have no req.log.
    const log = (req as { log?: Logger }).log ?? logger;
    const unavailable = isConnectionError(error) || isConnectionError((error as Error | undefined)?.cause);
    if (unavailable) log.warn({ reason: (error as Error).message }, "database unavailable");
    else log.error({ err: error }, "request failed");
    if (res.headersSent) return;
    if (unavailable) {
      res.status(503).json({
        code: "DATABASE_UNAVAILABLE",
        message: "The service cannot reach its database right now. Please try again shortly.",
        requestId: req.id,
      });
      return;
    }
    res.status(500).json({
      code: "INTERNAL_ERROR",
      message: "Something went wrong on our side. Please try again.",
      requestId: req.id,
    });
  };
}
