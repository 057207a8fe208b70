import { createServer } from "node:http";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { listen, stopListening } from "../http/http-server.js";
import { createLogger } from "../logger.js";

/**
 * Starts a real auth-server on 127.0.0.1 for tests; env is the service's environment (DATABASE_URL,
 * WEBSITE_URL, PROFILE_API_URL, REQUIRE_EMAIL_VERIFICATION, OUTBOX_DIR, DATA_DIR, BETTER_AUTH_SECRET, JWT_TTL, …).
 * Picks a free port unless AUTH_PORT is given, and sets BETTER_AUTH_URL to http://localhost:<port> unless given.
 * Logs are silent unless LOG_LEVEL is given.
 */
export async function startAuthServer(
  env: Record<string, string | undefined>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer();
  // Listen first: the base URL (and so the JWT issuer) depends on the port the OS picks.
  const port = await listen(server, Number(env.AUTH_PORT ?? 0), "127.0.0.1");
  try {
    const url = env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
    const config = loadConfig({ LOG_LEVEL: "silent", ...env, AUTH_PORT: String(port), BETTER_AUTH_URL: url });
    const { app, close } = await createApp(config, { logger: createLogger(config.logLevel) });
    server.on("request", app);
    return {
      url,
      close: async () => {
        await stopListening(server, 2_000);
        await close();
      },
    };
  } catch (error) {
    await stopListening(server, 0);
    throw error;
  }
}
