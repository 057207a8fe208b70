import { parseConfig } from "../src/config.js";
import { createServer } from "../src/create-server.js";
import { createReferenceServer } from "./reference-server.js";

// A profile-api for the benchmark, configured by the environment like the real one. The script's arguments pick
// the variant: `--reference` the baseline without verification (reference-server.ts), `--no-token-cache` the
// service with its verified-token cache off; neither reaches the service through its configuration.
const flags = new Set(process.argv.slice(2));
const config = parseConfig(process.env);
const server = flags.has("--reference")
  ? await createReferenceServer(config)
  : await createServer(config, { verifiedTokenCache: !flags.has("--no-token-cache") });
const url = await server.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
