import underPressure from "@fastify/under-pressure";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Sheds load with a 503 when the event loop falls behind, instead of letting every request slow down. */
export default fp(
  async function underPressurePlugin(fastify: FastifyInstance) {
    await fastify.register(underPressure, {
      maxEventLoopDelay: 1_000,
      pressureHandler: (request, reply) => {
        reply.code(503).header("retry-after", "5").send({
          error: "service_overloaded",
          message: "The service is overloaded; try again shortly.",
          requestId: request.id,
        });
      },
    });
  },
  { name: "under-pressure" },
);
