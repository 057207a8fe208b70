import { Router } from "express";
import type pg from "pg";
import type { SigningKeyring } from "../keys/signing-keyring.js";

/** GET /healthz (the process runs) and GET /readyz (the database answers and a signing key is known). */
export function healthRoutes(pool: pg.Pool, keyring: SigningKeyring): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await pool.query("SELECT 1");
      const keys = await keyring.getJwks();
      if (keys.length === 0) throw new Error("no signing key yet");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", code: "DATABASE_UNAVAILABLE" });
    }
  });
  return router;
}
