import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Security headers on every answer; the /docs page sets its own content security policy. */
export default fp(
  async function helmetPlugin(fastify: FastifyInstance) {
    await fastify.register(helmet, { global: true });
  },
  { name: "helmet" },
);
