import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { logSafePath } from "./log-safe-path.js";

/** The largest request body the auth-server takes (ARCHITECTURE.md, "Limits and hostile input"). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request's body into memory, at most `maxBytes` of it, and hands it on as `req.body` text, which
 * Better Auth's Node adapter (better-call's `getRequest`) takes in place of a stream already read. Answers 413
 * `PAYLOAD_TOO_LARGE` as soon as Content-Length or the bytes read pass the limit, then closes the connection
 * without reading the rest: Better Auth itself would read any body whole before looking at it.
 */
export function limitRequestBody(maxBytes: number, logger: Logger): RequestHandler {
  const refuse = (req: IncomingMessage, res: ServerResponse) => {
    req.pause();
    logger.warn(
      { method: req.method, path: logSafePath(req.url ?? "") },
      "request body over the limit refused",
    );
    res.setHeader("Connection", "close");
    res.setHeader("Content-Type", "application/json");
    res.statusCode = 413;
    res.end(
      JSON.stringify({
        code: "PAYLOAD_TOO_LARGE",
        message: `The request body is larger than ${maxBytes / 1024} KiB.`,
      }),
    );
  };
  return (req, res, next) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (req.headers["transfer-encoding"] === undefined && !(declared > 0)) return next();
    if (declared > maxBytes) return refuse(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        refuse(req, res);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      // Better Auth's adapter ignores a body without a content type; so does this hand-over.
      if (size > 0 && req.headers["content-type"]) req.body = Buffer.concat(chunks).toString("utf8");
      next();
    };
    // The client went away mid-body: nobody is left to answer.
    const onError = () => stop();
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}
