import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
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
      const [database, signingKeys] = await Promise.all([
        fastify.pg.query("SELECT 1").then(
          () => "ok" as const,
          () => "unavailable" as const,
        ),
        options.keys.known()
          ? ("ok" as const)
          : options.keys.refresh().then(
              () => "ok" as const,
              () => "unavailable" as const,
            ),
      ]);
      const ready = database === "ok" && signingKeys === "ok";
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? "ok" : "unavailable", checks: { database, signingKeys } });
    },
  );
};

export default health;
