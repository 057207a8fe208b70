import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { ApiError } from "../../errors/api-error.js";

export interface RateLimitOptions {
  perMinute: number;
  redis: { url: string; keyPrefix: string } | undefined;
}

/**
 * PROFILE_API_RATE_LIMIT requests a minute per user (the token's `sub`), and per client address for requests
 * without a valid token. Counters live in Redis when REDIS_URL is set, so the limit holds across instances;
 * otherwise in memory, and each instance limits on its own.
 */
export default fp(
  async function rateLimitPlugin(fastify: FastifyInstance, options: RateLimitOptions) {
    const redis = options.redis ? connect(fastify, options.redis.url) : undefined;
    await fastify.register(rateLimit, {
      global: true,
      max: options.perMinute,
      timeWindow: 60_000,
      ...(redis && options.redis
        ? {
            redis,
            nameSpace: `${options.redis.keyPrefix}profile-api:rate-limit:`,
            // A Redis outage must not take the profiles down with it: requests go unlimited until it is back.
            skipOnError: true,
          }
        : {}),
      // Runs after the authentication plugin's onRequest hook, which has set `request.user` when it could.
      keyGenerator: (request) => (request.user ? `user:${request.user.sub}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new ApiError("rate_limited", `Too many requests; try again in ${context.after}.`),
    });
  },
  { name: "rate-limit", dependencies: ["authentication"] },
);

/** ioredis as @fastify/rate-limit recommends it: fail a command fast rather than queue it while Redis is away. */
function connect(fastify: FastifyInstance, url: string): Redis {
  const client = new Redis(url, {
    connectTimeout: 500,
    maxRetriesPerRequest: 1,
    connectionName: "profile-api",
  });
  // The message only: the error may carry the URL, and with it the password.
  client.on("error", (error: Error) => fastify.log.warn({ reason: error.message }, "redis error"));
  fastify.addHook("onClose", async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return client;
}
