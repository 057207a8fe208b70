import type { RequestHandler } from "express";

/** `Cache-Control: no-store` on an answer that carries a credential (the JWT of `/api/auth/token`). */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};
