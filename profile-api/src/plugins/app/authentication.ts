import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AccessTokenClaims } from "../../auth/access-token-claims.js";
import { type AccessTokenVerifier, InvalidTokenError } from "../../auth/access-token-verifier.js";
import { ApiError } from "../../errors/api-error.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller, once its token verified; null otherwise. */
    user: AccessTokenClaims | null;
    /** Why there is no user, for the 401 answer. */
    authFailure: AuthFailure | null;
  }
  interface FastifyContextConfig {
    /** The route answers 401 unless the request carries a valid access token. */
    requiresUser?: boolean;
  }
}

type AuthFailure = "invalid_request" | "invalid_token";

// RFC 6750 §2.1: "Bearer" and a token68 value, nothing else.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Identifies the caller of routes with `config.requiresUser` from the Bearer token. The token is checked at
 * onRequest, so the rate limiter (which runs next) can count per user; the 401 is sent at preParsing, after the
 * rate limiter has counted the attempt against the caller's address, and before any body is read.
 */
export default fp(
  async function authentication(fastify: FastifyInstance, options: { verifier: AccessTokenVerifier }) {
    fastify.decorateRequest("user", null);
    fastify.decorateRequest("authFailure", null);

    fastify.addHook("onRequest", async (request) => {
      if (!request.routeOptions.config.requiresUser) return;
      const match = BEARER.exec(request.headers.authorization ?? "");
      if (!match?.[1]) {
        request.authFailure = "invalid_request";
        return;
      }
      try {
        request.user = await options.verifier.verify(match[1]);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        request.log.info({ reason: error.reason }, "access token refused");
        request.authFailure = "invalid_token";
      }
    });

    fastify.addHook("preParsing", async (request) => {
      if (request.routeOptions.config.requiresUser && !request.user) throw unauthorized(request);
    });
  },
  { name: "authentication" },
);

function unauthorized(request: FastifyRequest): ApiError {
  const failure = request.authFailure ?? "invalid_request";
  const message =
    failure === "invalid_request"
      ? "Send an access token from the auth-server as `Authorization: Bearer <token>`."
      : "The access token is invalid or has expired; get a new one from the auth-server.";
  return new ApiError("unauthorized", message, undefined, {
    "www-authenticate": `Bearer error="${failure}"`,
  });
}

/** The verified caller of a route that requires one. */
export function userOf(request: FastifyRequest): AccessTokenClaims {
  if (!request.user) throw unauthorized(request);
  return request.user;
}
