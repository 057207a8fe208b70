import { createServer } from "node:http";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { listen, stopListening } from "./http/http-server.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const { app, close } = await createApp(config, { logger });
  const server = createServer(app);
  const port = await listen(server, config.port, config.host);
  logger.info({ url: config.baseUrl, host: config.host, port }, "auth-server listening");

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    await stopListening(server);
    await close();
    logger.info("auth-server stopped");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
}

main().catch((error: Error) => {
  // A configuration or connection problem is one readable line, not a stack trace.
  const message =
    error instanceof ConfigError ? error.message : `auth-server failed to start: ${error.message}`;
  console.error(message);
  process.exit(1);
});
