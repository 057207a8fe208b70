import { OVERLOAD_POLICY, watchEventLoop } from "@textbook/migrations/operations";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../../errors/api-error.js";

/**
 * While the event loop is behind (OVERLOAD_POLICY, shared with the auth-server), every request but /healthz gets
 * 503 `service_overloaded` with Retry-After, through the error handler like any other error, instead of every
 * request slowing down. /healthz still answers: the process is alive, only busy.
 */
export default fp(
  async function shedLoad(fastify: FastifyInstance) {
    const monitor = watchEventLoop();
    fastify.addHook("onRequest", async (request) => {
      if (request.routeOptions.url === "/healthz" || !monitor.isOverloaded()) return;
      throw new ApiError("service_overloaded", OVERLOAD_POLICY.message, undefined, {
        "retry-after": String(OVERLOAD_POLICY.retryAfterSeconds),
      });
    });
    fastify.addHook("onClose", async () => monitor.stop());
  },
  { name: "shed-load" },
);
