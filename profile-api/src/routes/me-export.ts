import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { userOf } from "../plugins/app/authentication.js";
import { PersonalDataExport } from "../schemas/export.js";
import { errorResponses, withHeaders } from "../schemas/responses.js";

/** `GET /v1/me/export`: the caller's data as a JSON download. */
const meExport: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    "/v1/me/export",
    {
      config: { requiresUser: true },
      schema: {
        summary: "Download everything this API holds about you",
        operationId: "exportMyData",
        tags: ["profile"],
        security: [{ bearerAuth: [] }],
        response: {
          200: withHeaders(
            PersonalDataExport,
            { "Content-Disposition": "attachment; filename=…json" },
            "Your data, as a JSON download.",
          ),
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const [stored, progress] = await Promise.all([
        fastify.profiles.find(user.sub),
        fastify.progress.list(user.sub),
      ]);
      const exportedAt = new Date().toISOString();
      return reply
        .header(
          "content-disposition",
          `attachment; filename="profile-export-${exportedAt.slice(0, 10)}.json"`,
        )
        .header("cache-control", "no-store")
        .send({
          exportedAt,
          account: {
            id: user.sub,
            ...(user.email !== undefined ? { email: user.email } : {}),
            ...(user.name !== undefined ? { name: user.name } : {}),
            ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}),
          },
          profile: stored?.profile ?? null,
          progress,
        });
    },
  );
};

export default meExport;
