import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createProfileRepository, type ProfileRepository } from "../../profiles/profile-repository.js";

declare module "fastify" {
  interface FastifyInstance {
    profiles: ProfileRepository;
  }
}

/** Decorates the app with the profile repository, the only code that runs SQL on `profile`. */
export default fp(
  async function profileRepository(fastify: FastifyInstance) {
    fastify.decorate("profiles", createProfileRepository(fastify.pg));
  },
  { name: "profile-repository", dependencies: ["database"] },
);
