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
          // The code's licence (LICENSE); the book's text has its own (LICENSE-CONTENT), not served here.
          license: { name: "MIT", identifier: "MIT" },
        },
        // Relative: the API is wherever this document was fetched from (RFC 3986 §5 against its URL), so one
        // document serves a laptop, a preview and production alike.
        servers: [{ url: "/", description: "The server that serves this document" }],
        // Every operation needs a token unless it says otherwise (`security: []` on the health checks).
        security: [{ bearerAuth: [] }],
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
