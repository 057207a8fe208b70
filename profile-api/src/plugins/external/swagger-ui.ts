import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** A browsable page for the OpenAPI document at /docs, with a policy that allows its own scripts only. */
export default fp(
  async function swaggerUiPlugin(fastify: FastifyInstance, options: { production: boolean }) {
    await fastify.register(swaggerUi, {
      routePrefix: "/docs",
      staticCSP: true,
      // Locally the page is served over plain HTTP, where upgrading its requests to HTTPS would break it.
      transformStaticCSP: (header) =>
        options.production ? header : header.replace(/\s*upgrade-insecure-requests;?/, ""),
    });
  },
  { name: "swagger-ui", dependencies: ["swagger"] },
);
