import { registerAjvFormats, TypeBoxValidatorCompiler } from "@fastify/type-provider-typebox";
import { newRequestId, REQUEST_ID_HEADER } from "@textbook/migrations/operations";
import { trustsHop } from "@textbook/migrations/proxy-trust";
import Fastify, { type FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { DestinationStream } from "pino";
import app, { type AppOptions } from "./app.js";
import type { Config } from "./config.js";

export interface ServerOptions extends Omit<AppOptions, "config"> {
  /** Where the JSON log goes (tests capture it); stdout by default. */
  logStream?: DestinationStream;
}

// Credentials never reach the log, even if a serializer or a debug line includes headers.
const REDACT = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
];

/** Builds the Fastify server with the app registered; `listen` is the caller's job. */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<FastifyInstance> {
  registerAjvFormats();
  const server = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT, censor: "[redacted]" },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Our own ids, never a client's (the policy both services share: newRequestId).
    genReqId: newRequestId,
    bodyLimit: 64 * 1024,
    // A client that trickles its request (slowloris) is cut off; no legitimate call takes this long.
    requestTimeout: 30_000,
    // A hop count as a function (Fastify's `true` would believe the whole X-Forwarded-For chain, letting a client
    // choose its own address for the rate limit).
    trustProxy: config.trustProxy === false ? false : trustsHop(config.trustProxy),
    return503OnClosing: true,
  });
  server.setValidatorCompiler(TypeBoxValidatorCompiler);
  server.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  await server.register(fp(app), { ...options, config });
  return server;
}
