import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../../errors/api-error.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Media types the route's body may have; anything else is 415 before the body is read. */
    bodyMediaTypes?: string[];
  }
}

/**
 * Fastify would parse `text/plain` as a string and fail later with a 400; a write in a media type the route
 * does not take is a 415 (RFC 9110 §15.5.16). Also teaches Fastify JSON Merge Patch (RFC 7396).
 */
export default fp(
  async function bodyMediaTypes(fastify: FastifyInstance) {
    fastify.addContentTypeParser(
      "application/merge-patch+json",
      { parseAs: "string" },
      fastify.getDefaultJsonParser("error", "error"),
    );

    fastify.addHook("preParsing", async (request) => {
      const accepted = request.routeOptions.config.bodyMediaTypes;
      if (!accepted) return;
      const mediaType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (!accepted.includes(mediaType)) {
        throw new ApiError(
          "unsupported_media_type",
          `Send the body as ${accepted.join(" or ")}${mediaType ? ` (got ${mediaType})` : ""}.`,
        );
      }
    });
  },
  { name: "body-media-types", dependencies: ["authentication"] },
);
