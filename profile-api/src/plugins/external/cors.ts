import cors from "@fastify/cors";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Lets the website, and only the website, call the API from the browser (Bearer tokens, no cookies). */
export default fp(
  async function corsPlugin(fastify: FastifyInstance, options: { websiteOrigin: string }) {
    await fastify.register(cors, {
      // A list, not a string: the header is then sent only to that origin instead of to everyone.
      origin: [options.websiteOrigin],
      methods: ["GET", "PUT", "PATCH", "DELETE"],
      allowedHeaders: ["Authorization", "Content-Type", "If-Match", "If-None-Match"],
      exposedHeaders: ["ETag", "Location", "Retry-After", "X-Request-Id", "Content-Disposition"],
      maxAge: 600,
    });
  },
  { name: "cors" },
);
