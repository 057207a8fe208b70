import { parseConfig } from "../src/config.js";
import { createServer } from "../src/create-server.js";

// A profile-api for the benchmark, configured by the environment like the real one. The two benchmark-only
// switches come from this script's own arguments and reach the service only as factory options.
const flags = new Set(process.argv.slice(2));
const config = parseConfig(process.env);
const server = await createServer(config, {
  insecureSkipVerification: flags.has("--insecure-skip-verification"),
  verifiedTokenCache: !flags.has("--no-token-cache"),
});
const url = await server.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
