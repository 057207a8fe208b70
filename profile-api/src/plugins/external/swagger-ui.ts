import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** A browsable page for the OpenAPI document at /docs. */
export default fp(
  async function swaggerUiPlugin(fastify: FastifyInstance) {
    await fastify.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  },
  { name: "swagger-ui", dependencies: ["swagger"] },
);
