import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { logSafePath } from "./log-safe-path.js";

/** The largest request body the auth-server takes (docs/architecture.md, "Limits and hostile input"). */
export const MAX_BODY_BYTES = 64 * 1024;

// After a 413 the connection closes, but not at once: a client still sending would get a reset, which can
// destroy the answer before it reads it. Like nginx's lingering close, the server stops writing, discards what
// still arrives for a moment (never keeping it), then closes.
const LINGER_MILLIS = 1_000;
const LINGER_BYTES = 1024 * 1024;

/** Ends our side of the connection, discards at most LINGER_BYTES / LINGER_MILLIS more input, then closes it. */
function closeLingering(req: IncomingMessage): void {
  const socket = req.socket;
  let discarded = 0;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MILLIS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  // Node ends a `Connection: close` answer with socket.destroySoon(), which closes at once; this socket only
  // half-closes instead and lets the timer (or the byte budget) finish it.
  (socket as { destroySoon?: () => void }).destroySoon = () => socket.end();
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) close();
  });
  req.resume();
}

/**
 * Reads a request's body into memory, at most `maxBytes` of it, and hands it on as `req.body` text, which
 * Better Auth's Node adapter (better-call's `getRequest`) takes in place of a stream already read. Answers 413
 * `PAYLOAD_TOO_LARGE` as soon as Content-Length or the bytes read pass the limit, then closes the connection
 * without keeping any more of the body (see closeLingering): Better Auth itself would read any body whole
 * before looking at it.
 */
export function limitRequestBody(maxBytes: number, logger: Logger): RequestHandler {
  const refuse = (req: IncomingMessage, res: ServerResponse) => {
    logger.warn(
      { method: req.method, path: logSafePath(req.url ?? "") },
      "request body over the limit refused",
    );
    res.setHeader("Connection", "close");
    closeLingering(req);
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
