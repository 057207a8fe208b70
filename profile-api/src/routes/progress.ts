import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import { PROGRESS_LIMITS } from "../contract/reading-progress.js";
import { ApiError } from "../errors/api-error.js";
import { userOf } from "../plugins/app/authentication.js";
import type { ChapterProgress } from "../schemas/progress.js";
import { ProgressPatch, ReadingProgress } from "../schemas/progress.js";
import { emptyResponse, errorResponses } from "../schemas/responses.js";

const PATH = "/v1/progress";
const tags = ["progress"];
const security = [{ bearerAuth: [] }];
const config = { requiresUser: true };

/** Sends the learner's progress; a personal answer, so only the browser may keep it. */
function sendProgress(reply: FastifyReply, chapters: ChapterProgress[]) {
  return reply.header("cache-control", "private, no-cache").send({ chapters });
}

/** The caller's reading progress, per chapter; the user is always the token's subject. */
const progress: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    PATH,
    {
      config,
      schema: {
        summary: "Read your reading progress",
        operationId: "getMyProgress",
        description: "Every chapter you have opened, the most recently visited first.",
        tags,
        security,
        response: { 200: { ...ReadingProgress, description: "Your progress." }, ...errorResponses() },
      },
    },
    async (request, reply) => sendProgress(reply, await fastify.progress.list(userOf(request).sub)),
  );

  fastify.patch(
    PATH,
    {
      config: { ...config, bodyMediaTypes: ["application/json"] },
      schema: {
        summary: "Record how far you read",
        operationId: "recordMyProgress",
        description:
          "Merges each chapter into what is stored: the fraction never goes down (the anchor goes with the " +
          "highest fraction); `completedAt` is set the first time `completed` is true and then kept; " +
          "`lastVisitedAt` is the later of the stored and the sent `visitedAt` (a future time counts as now). " +
          "Sending the same body twice changes nothing. Answers with all your progress, as GET does.",
        tags,
        security,
        body: ProgressPatch,
        response: {
          200: { ...ReadingProgress, description: "Merged; all your progress." },
          ...errorResponses(400, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const result = await fastify.progress.merge(userOf(request).sub, request.body.chapters);
      if (result.status === "limit_reached") {
        throw new ApiError(
          "progress_limit_reached",
          `Progress is kept for at most ${PROGRESS_LIMITS.chaptersPerLearner} chapters; nothing was changed.`,
        );
      }
      if (result.status === "account_not_found") {
        // The token is still within its lifetime, but the account it names has been deleted.
        throw new ApiError("unauthorized", "The account of this access token no longer exists.", undefined, {
          "www-authenticate": 'Bearer error="invalid_token"',
        });
      }
      return sendProgress(reply, result.chapters);
    },
  );

  fastify.delete(
    PATH,
    {
      config,
      schema: {
        summary: "Reset your reading progress",
        operationId: "resetMyProgress",
        description: "Forgets the progress of every chapter. Answers 204 also when there was none.",
        tags,
        security,
        response: { 204: emptyResponse("Forgotten."), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await fastify.progress.clear(userOf(request).sub);
      return reply.code(204).send(null);
    },
  );
};

export default progress;
