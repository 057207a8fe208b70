import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * Security headers on every answer. The API serves JSON, so its policy allows nothing to load or frame it;
 * the /docs page sets its own policy (swagger-ui plugin). HSTS only in production: locally it is plain HTTP.
 */
export default fp(
  async function helmetPlugin(fastify: FastifyInstance, options: { production: boolean }) {
    await fastify.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      hsts: options.production,
    });
  },
  { name: "helmet" },
);
