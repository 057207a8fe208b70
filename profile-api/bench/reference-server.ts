import { randomUUID } from "node:crypto";
import { registerAjvFormats, TypeBoxValidatorCompiler } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import { decodeJwt } from "jose";
import type { AccessTokenVerifier } from "../src/auth/access-token-verifier.js";
import type { Config } from "../src/config.js";
import { handleError } from "../src/http/error-handler.js";
import authentication from "../src/plugins/app/authentication.js";
import database from "../src/plugins/app/database.js";
import profileRepository from "../src/plugins/app/profile-repository.js";
import shedLoad from "../src/plugins/app/shed-load.js";
import cors from "../src/plugins/external/cors.js";
import helmet from "../src/plugins/external/helmet.js";
import rateLimit from "../src/plugins/external/rate-limit.js";
import profilesMe from "../src/routes/profiles-me.js";

/**
 * The benchmark's baseline for "what verification costs": the service's own plugins, profile repository (the same
 * SELECT) and `/v1/profiles/me` route, in the same order as src/app.ts, with a verifier that only decodes the
 * token. The product has no switch that skips verification; this server exists only in the benchmark.
 */
export async function createReferenceServer(config: Config): Promise<FastifyInstance> {
  registerAjvFormats();
  const server = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: 64 * 1024,
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  server.setValidatorCompiler(TypeBoxValidatorCompiler);
  server.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  server.setErrorHandler(handleError);
  await server.register(helmet, { production: config.production });
  await server.register(cors, { websiteOrigin: config.websiteOrigin });
  await server.register(shedLoad);
  await server.register(database, { databaseUrl: config.databaseUrl, max: config.databasePoolMax });
  await server.register(profileRepository);
  await server.register(authentication, { verifier: decodeOnlyVerifier });
  await server.register(rateLimit, { perMinute: config.rateLimitPerMinute, redis: config.redis });
  await server.register(profilesMe);
  return server;
}

/** Reads the claims the route needs from the token without checking its signature or any claim. */
const decodeOnlyVerifier: AccessTokenVerifier = {
  async verify(token) {
    const payload = decodeJwt(token);
    return { sub: String(payload.sub).toLowerCase(), exp: payload.exp ?? 0, iat: payload.iat ?? 0 };
  },
};
