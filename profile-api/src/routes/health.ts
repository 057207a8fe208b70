import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { checkReadiness } from "@textbook/migrations/operations";
import Type from "typebox";
import type { SigningKeys } from "../auth/signing-keys.js";

const Status = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  checks: Type.Optional(
    Type.Object({
      database: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
      signingKeys: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
    }),
  ),
});
const config = { rateLimit: false } as const;
const tags = ["operations"];
// Public: the process supervisor and the load balancer call these without a token (OpenAPI `security: []`).
const security: [] = [];

/** Liveness and readiness for the process supervisor and the load balancer. */
const health: FastifyPluginAsyncTypebox<{ keys: SigningKeys }> = async (fastify, options) => {
  fastify.get(
    "/healthz",
    {
      config,
      schema: {
        summary: "The process is running",
        operationId: "getLiveness",
        security,
        tags,
        response: { 200: { ...Status, description: "Running." } },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  fastify.get(
    "/readyz",
    {
      config,
      schema: {
        summary: "The database answers and the auth-server's signing keys are known",
        operationId: "getReadiness",
        security,
        tags,
        response: {
          200: { ...Status, description: "Ready to serve." },
          503: { ...Status, description: "Not ready: `checks` says what is missing." },
        },
      },
    },
    async (_request, reply) => {
      // The one /readyz body of both services (@textbook/migrations/operations).
      const { statusCode, body } = await checkReadiness({
        database: () => fastify.pg.query("SELECT 1"),
        signingKeys: async () => {
          if (!options.keys.known()) await options.keys.refresh();
        },
      });
      return reply.code(statusCode).send(body);
    },
  );
};

export default health;
