import { Router } from "express";
import type pg from "pg";
import type { SigningKeyring } from "../keys/signing-keyring.js";
import type { RedisSecondaryStorage } from "../redis/redis-secondary-storage.js";

/**
 * GET /healthz (the process runs) and GET /readyz (the database answers, a signing key is known, and Redis
 * answers when it is configured: sessions and rate limits live there then).
 */
export function healthRoutes(
  pool: pg.Pool,
  keyring: SigningKeyring,
  redis?: Pick<RedisSecondaryStorage, "ping">,
): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await pool.query("SELECT 1");
      const keys = await keyring.getJwks();
      if (keys.length === 0) throw new Error("no signing key yet");
    } catch {
      res.status(503).json({ status: "unavailable", code: "DATABASE_UNAVAILABLE" });
      return;
    }
    try {
      await redis?.ping();
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", code: "REDIS_UNAVAILABLE" });
    }
  });
  return router;
}
