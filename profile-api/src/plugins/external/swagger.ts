import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Builds the OpenAPI document from the routes' schemas; served at /openapi.json. */
export default fp(
  async function swaggerPlugin(fastify: FastifyInstance) {
    await fastify.register(swagger, {
      openapi: {
        // 3.1: the schemas are JSON Schema 2020-12 (nullable fields are `type: ["string", "null"]`).
        openapi: "3.1.0",
        info: {
          title: "Physical AI textbook: profile-api",
          description:
            "The learner profile. Every /v1 route takes an access token from the auth-server " +
            "(`GET /api/auth/token`) as `Authorization: Bearer <token>`; the user is always the token's subject.",
          version: "1.0.0",
        },
        components: {
          securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
        },
      },
    });
    fastify.get("/openapi.json", { schema: { hide: true }, config: { rateLimit: false } }, () =>
      fastify.swagger(),
    );
  },
  { name: "swagger" },
);
