import type { RequestHandler } from "express";

/**
 * Better Auth answers 429 with a non-standard `X-Retry-After`; copy it into the standard `Retry-After`
 * (RFC 9110 §10.2.3) so browsers, proxies and HTTP clients understand it too. Its Node adapter sets every
 * header before calling writeHead(status), which is where we look.
 */
export const addRetryAfter: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    const retryAfter = res.getHeader("x-retry-after");
    if (args[0] === 429 && retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
};
