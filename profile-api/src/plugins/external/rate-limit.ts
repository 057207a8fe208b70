import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../../errors/api-error.js";

/**
 * PROFILE_API_RATE_LIMIT requests a minute per user (the token's `sub`), and per client address for requests
 * without a valid token. Counters live in memory: each instance limits on its own.
 */
export default fp(
  async function rateLimitPlugin(fastify: FastifyInstance, options: { perMinute: number }) {
    await fastify.register(rateLimit, {
      global: true,
      max: options.perMinute,
      timeWindow: 60_000,
      // Runs after the authentication plugin's onRequest hook, which has set `request.user` when it could.
      keyGenerator: (request) => (request.user ? `user:${request.user.sub}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new ApiError("rate_limited", `Too many requests; try again in ${context.after}.`),
    });
  },
  { name: "rate-limit", dependencies: ["authentication"] },
);
