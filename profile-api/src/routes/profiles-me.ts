import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import { ApiError } from "../errors/api-error.js";
import { entityTag, parseEntityTags, preconditionsOf } from "../http/entity-tags.js";
import { userOf } from "../plugins/app/authentication.js";
import type { StoredProfile, WriteResult } from "../profiles/profile-repository.js";
import { ConditionalHeaders } from "../schemas/headers.js";
import { Profile, ProfilePatch, ProfileReplacement } from "../schemas/profile.js";
import { emptyResponse, errorResponses, withHeaders } from "../schemas/responses.js";

const PATH = "/v1/profiles/me";
const JSON_ONLY = ["application/json"];
const tags = ["profile"];
const security = [{ bearerAuth: [] }];
const ProfileWithTag = withHeaders(
  Profile,
  { ETag: "The profile's version; send it back in If-Match." },
  "Your profile.",
);

const notFound = () => new ApiError("profile_not_found", "You have no profile yet; create it with PUT.");
const preconditionFailed = () =>
  new ApiError(
    "precondition_failed",
    "The profile has changed since you read it (or does not exist); reload it.",
  );

/** Sends a stored profile with its ETag; a personal answer, so only the browser may keep it. */
function sendProfile(reply: FastifyReply, stored: StoredProfile, status = 200) {
  return reply
    .code(status)
    .header("etag", entityTag(stored.version))
    .header("cache-control", "private, no-cache")
    .send(stored.profile);
}

function storedOrThrow(result: WriteResult<"not_found" | "account_not_found">): StoredProfile {
  if (result.status === "created" || result.status === "updated") return result.stored;
  if (result.status === "account_not_found") {
    // The token is still within its lifetime, but the account it names has been deleted.
    throw new ApiError("unauthorized", "The account of this access token no longer exists.", undefined, {
      "www-authenticate": 'Bearer error="invalid_token"',
    });
  }
  throw result.status === "not_found" ? notFound() : preconditionFailed();
}

/** The caller's own learner profile; the user is always the token's subject. */
const profilesMe: FastifyPluginAsyncTypebox = async (fastify) => {
  const config = { requiresUser: true };

  fastify.get(
    PATH,
    {
      config,
      schema: {
        summary: "Read your profile",
        operationId: "getMyProfile",
        tags,
        security,
        headers: ConditionalHeaders,
        response: {
          200: ProfileWithTag,
          304: emptyResponse("Not modified: your copy is current."),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const stored = await fastify.profiles.find(userOf(request).sub);
      if (!stored) throw notFound();
      const ifNoneMatch = request.headers["if-none-match"];
      const current =
        ifNoneMatch === undefined ? undefined : parseEntityTags(ifNoneMatch.replaceAll("W/", ""));
      if (current === "*" || current?.includes(stored.version)) {
        return reply.code(304).header("etag", entityTag(stored.version)).send(null);
      }
      return sendProfile(reply, stored);
    },
  );

  fastify.put(
    PATH,
    {
      config: { ...config, bodyMediaTypes: JSON_ONLY },
      schema: {
        summary: "Create or replace your profile",
        operationId: "replaceMyProfile",
        description:
          "Fields left out take their defaults (null, [] or `en`). `If-None-Match: *` creates only.",
        tags,
        security,
        headers: ConditionalHeaders,
        body: ProfileReplacement,
        response: {
          200: withHeaders(Profile, { ETag: "The new version." }, "Replaced."),
          201: withHeaders(
            Profile,
            { ETag: "The new version.", Location: "Where the profile lives." },
            "Created.",
          ),
          ...errorResponses(400, 412, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const input = { ...request.body, displayName: request.body.displayName.trim() };
      const result = await fastify.profiles.replace(userOf(request).sub, input, preconditionsOf(request));
      const stored = storedOrThrow(result);
      if (result.status === "created") reply.header("location", PATH);
      return sendProfile(reply, stored, result.status === "created" ? 201 : 200);
    },
  );

  fastify.patch(
    PATH,
    {
      config: { ...config, bodyMediaTypes: ["application/merge-patch+json", ...JSON_ONLY] },
      schema: {
        summary: "Change some fields of your profile",
        operationId: "updateMyProfile",
        description: "A JSON Merge Patch (RFC 7396): fields sent are set, `null` clears a nullable field.",
        tags,
        security,
        headers: ConditionalHeaders,
        body: ProfilePatch,
        response: {
          200: withHeaders(Profile, { ETag: "The new version." }, "Changed."),
          ...errorResponses(400, 404, 412, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const patch = request.body.displayName
        ? { ...request.body, displayName: request.body.displayName.trim() }
        : request.body;
      const result = await fastify.profiles.patch(userOf(request).sub, patch, preconditionsOf(request));
      return sendProfile(reply, storedOrThrow(result));
    },
  );

  fastify.delete(
    PATH,
    {
      config,
      schema: {
        summary: "Delete your profile",
        operationId: "deleteMyProfile",
        tags,
        security,
        headers: ConditionalHeaders,
        response: { 204: emptyResponse("Deleted."), ...errorResponses(404, 412) },
      },
    },
    async (request, reply) => {
      const outcome = await fastify.profiles.remove(userOf(request).sub, preconditionsOf(request));
      if (outcome === "not_found") throw notFound();
      if (outcome === "precondition_failed") throw preconditionFailed();
      return reply.code(204).send(null);
    },
  );
};

export default profilesMe;
