import { createPool, waitForDatabase } from "@textbook/migrations/database";
import { watchEventLoop } from "@textbook/migrations/operations";
import { toNodeHandler } from "better-auth/node";
import cors from "cors";
import express, { type Express } from "express";
import { type Auth, createAuth } from "./auth.js";
import { createBackgroundTasks } from "./background-tasks.js";
import type { Config } from "./config.js";
import { limitRequestBody, MAX_BODY_BYTES } from "./http/body-limit.js";
import { setClientIp } from "./http/client-ip.js";
import { internalError, notFound } from "./http/error-handlers.js";
import { healthRoutes } from "./http/health-routes.js";
import { jwksRoute } from "./http/jwks-route.js";
import { noStore } from "./http/no-store.js";
import { providersRoute } from "./http/providers-route.js";
import { createRequestLogger } from "./http/request-logger.js";
import { addRetryAfter } from "./http/retry-after.js";
import { shedLoad } from "./http/shed-load.js";
import { encryptionSecret } from "./keys/encryption-secret.js";
import { ensureSigningKey } from "./keys/ensure-signing-key.js";
import { createSigningKeyring } from "./keys/signing-keyring.js";
import { createLogger, type Logger } from "./logger.js";
import { createMailSender } from "./mail/create-mail-sender.js";
import { createRedisSecondaryStorage } from "./redis/redis-secondary-storage.js";

/** The Express app and what it holds open. */
export interface AuthServerApp {
  app: Express;
  auth: Auth;
  logger: Logger;
  /** Ends the database pool and the mail transport; call after the HTTP server has stopped. */
  close(): Promise<void>;
}

/**
 * How often an instance picks up keys another instance created (rotation) or `npm run keys` retired or deleted:
 * a revoked key leaves this instance's JWKS, and stops signing, within this time. One small query per period.
 */
const KEY_REFRESH_MILLIS = 2_000;

export interface AppOptions {
  logger?: Logger;
}

/** Connects to the database, makes sure a signing key exists, and builds the Express app. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<AuthServerApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const pool = createPool({
    connectionString: config.databaseUrl,
    max: config.databasePoolMax,
    applicationName: "auth-server",
    logger,
  });
  const mailSender = createMailSender(config, logger);
  const backgroundTasks = createBackgroundTasks();
  const redis = config.redis ? createRedisSecondaryStorage(config.redis, logger) : undefined;
  let stopKeyring = () => {};
  const overload = watchEventLoop();
  const close = async () => {
    overload.stop();
    stopKeyring();
    await backgroundTasks.drain();
    await Promise.allSettled([pool.end(), mailSender.close(), redis?.close()]);
  };
  try {
    await waitForDatabase(pool, { logger, variable: "DATABASE_URL" });
    const keyring = createSigningKeyring(pool, {
      refreshMillis: KEY_REFRESH_MILLIS,
      rotationSeconds: config.keyRotationSeconds,
      secret: encryptionSecret(config),
    });
    const log = (level: "debug" | "info" | "warn" | "error", message: string) =>
      logger[level]({ source: "better-auth" }, message);
    const auth = createAuth(config, {
      pool,
      mailSender,
      keyring,
      log,
      backgroundTasks,
      ...(redis ? { secondaryStorage: redis.storage } : {}),
    });
    await ensureSigningKey(auth);
    await keyring.maintain();
    keyring.start((error) => logger.error({ err: error }, "signing key maintenance failed"));
    stopKeyring = () => keyring.stop();

    const app = express();
    app.disable("x-powered-by");
    app.set("trust proxy", config.trustProxy);
    // First of all: no route reads more than 64 KiB of a body (it logs its refusals itself).
    app.use(limitRequestBody(MAX_BODY_BYTES, logger));
    // Verifiers poll the public keys; a log line per poll would drown the log, so they come first.
    app.get("/api/auth/jwks", jwksRoute(keyring, config.keyGraceSeconds));
    app.use(createRequestLogger(logger));
    app.use(shedLoad(overload));
    app.use(healthRoutes(pool, keyring, redis));
    app.use(
      "/api/auth",
      cors({ origin: [config.websiteUrl], credentials: true, exposedHeaders: ["set-auth-jwt"], maxAge: 600 }),
    );
    app.get("/api/auth/providers", providersRoute(config));
    // The JWT is a credential: no cache (browser, proxy) may keep it.
    app.get("/api/auth/token", noStore);
    // Better Auth reads the body itself (as limitRequestBody hands it on): no body parser comes before it.
    app.all("/api/auth/*splat", setClientIp, addRetryAfter, toNodeHandler(auth));
    // Better Auth's default callbackURL after e-mail verification is "/": send the person on to the website.
    app.get("/", (_req, res) => res.redirect(config.websiteUrl));
    app.use(notFound);
    app.use(internalError(logger));
    return { app, auth, logger, close };
  } catch (error) {
    await close();
    throw error;
  }
}
