import type { FastifyInstance } from "fastify";
import { createAccessTokenVerifier } from "./auth/access-token-verifier.js";
import { createSigningKeys } from "./auth/signing-keys.js";
import { createVerifiedTokenCache } from "./auth/verified-token-cache.js";
import type { Config } from "./config.js";
import { ApiError } from "./errors/api-error.js";
import { handleError } from "./http/error-handler.js";
import authentication from "./plugins/app/authentication.js";
import bodyMediaTypes from "./plugins/app/body-media-types.js";
import database from "./plugins/app/database.js";
import profileRepository from "./plugins/app/profile-repository.js";
import progressRepository from "./plugins/app/progress-repository.js";
import shedLoad from "./plugins/app/shed-load.js";
import cors from "./plugins/external/cors.js";
import helmet from "./plugins/external/helmet.js";
import rateLimit from "./plugins/external/rate-limit.js";
import swagger from "./plugins/external/swagger.js";
import swaggerUi from "./plugins/external/swagger-ui.js";
import health from "./routes/health.js";
import meExport from "./routes/me-export.js";
import profilesMe from "./routes/profiles-me.js";
import progress from "./routes/progress.js";

export interface AppOptions {
  config: Config;
  /** Benchmarks only: false measures the cost of verifying every request. */
  verifiedTokenCache?: boolean;
}

/**
 * The whole service as one plugin. Plugins are registered explicitly rather than autoloaded, so the order that
 * matters (authentication before the rate limiter, both before the routes) is visible and type-checked.
 */
export default async function app(fastify: FastifyInstance, options: AppOptions) {
  const { config } = options;
  const keys = createSigningKeys(config.jwt.jwksUrl, {
    cacheMaxAgeMs: config.jwt.jwksCacheTtlSeconds * 1000,
  });
  const cache = options.verifiedTokenCache === false ? undefined : createVerifiedTokenCache();
  const verifier = createAccessTokenVerifier({
    keys,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    maxTokenAgeSeconds: config.jwt.maxTokenAgeSeconds,
    ...(cache ? { cache } : {}),
  });
  // A key that left the JWKS was revoked (retired keys stay published until their tokens expire): tokens it
  // signed must not keep passing from the cache.
  keys.onKeysDropped((kids) => {
    cache?.forgetKeys(kids);
    fastify.log.info(
      { kids },
      "signing keys left the JWKS (revoked, or past their grace period); tokens they signed are refused from now on",
    );
  });

  fastify.setErrorHandler(handleError);

  await fastify.register(helmet, { production: config.production });
  await fastify.register(cors, { websiteOrigin: config.websiteOrigin });
  await fastify.register(shedLoad);
  await fastify.register(swagger);
  await fastify.register(swaggerUi, { production: config.production });
  await fastify.register(database, { databaseUrl: config.databaseUrl, max: config.databasePoolMax });
  await fastify.register(profileRepository);
  await fastify.register(progressRepository);
  await fastify.register(authentication, { verifier });
  await fastify.register(bodyMediaTypes);
  await fastify.register(rateLimit, { perMinute: config.rateLimitPerMinute, redis: config.redis });
  // Unknown routes count against the caller's address too, so probing for routes is limited like the rest.
  fastify.setNotFoundHandler({ preHandler: fastify.rateLimit() }, () => {
    throw new ApiError("route_not_found", "There is no such route; see /docs.");
  });

  await fastify.register(health, { keys });
  await fastify.register(profilesMe);
  await fastify.register(meExport);
  await fastify.register(progress);

  // Fetch the signing keys early, so the first learner does not wait for them; failing here is not fatal
  // (the auth-server may start after us), the first verification or /readyz fetches them again.
  fastify.addHook("onReady", async () => {
    keys.refresh().catch((error: Error) => {
      fastify.log.warn(
        { jwksUrl: config.jwt.jwksUrl.href, reason: describeFailure(error) },
        "signing keys not fetched yet",
      );
    });
    keys.start((error) => {
      fastify.log.warn(
        { jwksUrl: config.jwt.jwksUrl.href, reason: describeFailure(error) },
        "signing keys not refetched; the last key set fetched stays in use",
      );
    });
  });
  fastify.addHook("onClose", async () => keys.stop());
}

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:4000)": fetch hides the useful part in `cause`. */
function describeFailure(error: Error): string {
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}
