import { parseConfig } from "../config.js";
import { createServer } from "../create-server.js";

/** Starts a real profile-api on 127.0.0.1 for tests; env is the service's environment (DATABASE_URL, JWKS_URL or BETTER_AUTH_URL, JWT_ISSUER, JWT_AUDIENCE, WEBSITE_URL, PROFILE_API_RATE_LIMIT, …). Picks a free port unless PROFILE_API_PORT is given. */
export async function startProfileApi(
  env: Record<string, string | undefined>,
): Promise<{ url: string; close(): Promise<void> }> {
  const config = parseConfig({ LOG_LEVEL: "silent", PROFILE_API_PORT: "0", ...env, HOST: "127.0.0.1" });
  const server = await createServer(config);
  await server.listen({ host: config.host, port: config.port });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
