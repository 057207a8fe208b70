import { createServer } from "node:http";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { listen, stopListening } from "../src/http/http-server.js";
import { createLogger } from "../src/logger.js";

// A child process per server, so the load generator never shares the server's event loop.
const config = loadConfig(process.env);
const { app, close } = await createApp(config, { logger: createLogger("silent") });
const server = createServer(app);
const port = await listen(server, 0, "127.0.0.1");
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on("SIGTERM", async () => {
  await stopListening(server, 1_000);
  await close();
  process.exit(0);
});
