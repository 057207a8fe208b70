import type { RequestHandler } from "express";

/** The header Better Auth reads the client address from; always overwritten by the server, never the client's. */
export const CLIENT_IP_HEADER = "x-textbook-client-ip";

/**
 * Sets CLIENT_IP_HEADER to Express's `req.ip`: the socket address, or the X-Forwarded-For hop that Express's
 * `trust proxy` (TRUST_PROXY) allows. A client-sent value of the header is replaced, so it cannot dodge limits.
 */
export const setClientIp: RequestHandler = (req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = (req.ip ?? req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  next();
};
