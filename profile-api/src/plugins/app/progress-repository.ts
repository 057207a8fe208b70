import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createProgressRepository, type ProgressRepository } from "../../progress/progress-repository.js";

declare module "fastify" {
  interface FastifyInstance {
    progress: ProgressRepository;
  }
}

/** Decorates the app with the progress repository, the only code that runs SQL on `reading_progress`. */
export default fp(
  async function progressRepository(fastify: FastifyInstance) {
    fastify.decorate("progress", createProgressRepository(fastify.pg));
  },
  { name: "progress-repository", dependencies: ["database"] },
);
