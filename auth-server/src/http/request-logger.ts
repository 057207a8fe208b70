import { newRequestId, REQUEST_ID_HEADER } from "@textbook/migrations/operations";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { logSafePath } from "./log-safe-path.js";

/**
 * One JSON line per request with a request id of our own (echoed as X-Request-Id; a client's id is never adopted,
 * see newRequestId); headers are not logged, and the path only with its token segments and query string redacted.
 */
export function createRequestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => {
      const id = newRequestId();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      // The original URL: Express rewrites `url` inside mounted routers.
      req: (req: { id: string; method: string; url: string; raw?: { originalUrl?: string } }) => ({
        id: req.id,
        method: req.method,
        path: logSafePath(req.raw?.originalUrl ?? req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
  });
}
