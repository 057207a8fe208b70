import { checkReadiness } from "@textbook/migrations/operations";
import { Router } from "express";
import type pg from "pg";
import type { SigningKeyring } from "../keys/signing-keyring.js";
import type { RedisSecondaryStorage } from "../redis/redis-secondary-storage.js";

/**
 * GET /healthz (the process runs) and GET /readyz in the one body both services answer with
 * (@textbook/migrations/operations): `checks` names the database, the signing keys and, when REDIS_URL is set,
 * Redis (sessions and rate limits live there then), so a 503 says which one is missing.
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
    const database = () => pool.query("SELECT 1");
    const signingKeys = async () => {
      if ((await keyring.getJwks()).length === 0) throw new Error("no signing key yet");
    };
    const checks: Record<string, () => Promise<unknown>> = { database, signingKeys };
    if (redis) checks.redis = () => redis.ping();
    const { statusCode, body } = await checkReadiness(checks);
    res.status(statusCode).json(body);
  });
  return router;
}
