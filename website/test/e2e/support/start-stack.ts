import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAuthServer } from "@textbook/auth-server/testing";
import { startProfileApi } from "@textbook/profile-api/testing";
import { buildSite } from "./build-site.js";
import { freePort } from "./free-port.js";
import { serveStatic } from "./static-server.js";

export interface Stack {
  /** The folder of the built site. */
  buildDir: string;
  websiteUrl: string;
  authUrl: string;
  profileApiUrl: string;
  /** Where the auth-server writes its mails (one JSON file per mail, with its `link`). */
  outboxDir: string;
  stopAuthServer(): Promise<void>;
  /** Starts the auth-server again on the same port (and so the same URL), with some variables changed. */
  restartAuthServer(overrides: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole product on this machine: a built site served statically, the auth-server and the profile-api on a
 * database of their own. Ports are chosen first, because the site has the service URLs baked in when it is
 * built; every URL uses `localhost`, so the auth cookie is same-site for the browser. The stack drops
 * `database` when it closes.
 */
export async function startStack(database: { url: string; drop(): Promise<void> }): Promise<Stack> {
  const [websitePort, authPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const websiteUrl = `http://localhost:${websitePort}`;
  const authUrl = `http://localhost:${authPort}`;
  const profileApiUrl = `http://localhost:${apiPort}`;
  const workDir = await mkdtemp(join(tmpdir(), "textbook-e2e-"));
  const outboxDir = join(workDir, "outbox");
  const buildDir = join(workDir, "build");

  const cleanups: (() => Promise<unknown>)[] = [
    () => database.drop(),
    () => rm(workDir, { recursive: true, force: true }),
  ];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    await buildSite(buildDir, {
      WEBSITE_URL: websiteUrl,
      BETTER_AUTH_URL: authUrl,
      PROFILE_API_URL: profileApiUrl,
    });
    const authEnv = {
      DATABASE_URL: database.url,
      WEBSITE_URL: websiteUrl,
      BETTER_AUTH_URL: authUrl,
      AUTH_PORT: String(authPort),
      PROFILE_API_URL: profileApiUrl,
      REQUIRE_EMAIL_VERIFICATION: "false",
      RATE_LIMIT_ENABLED: "false",
      OUTBOX_DIR: outboxDir,
      DATA_DIR: join(workDir, "data"),
      BETTER_AUTH_SECRET: "e2e-secret-that-is-long-enough-for-better-auth",
    };
    let auth: { close(): Promise<void> } | null = await startAuthServer(authEnv);
    const stopAuthServer = async () => {
      await auth?.close();
      auth = null;
    };
    const restartAuthServer = async (overrides: Record<string, string>) => {
      await stopAuthServer();
      auth = await startAuthServer({ ...authEnv, ...overrides });
    };
    cleanups.push(stopAuthServer);
    const api = await startProfileApi({
      DATABASE_URL: database.url,
      JWKS_URL: `${authUrl}/api/auth/jwks`,
      JWT_ISSUER: authUrl,
      JWT_AUDIENCE: profileApiUrl,
      WEBSITE_URL: websiteUrl,
      PROFILE_API_PORT: String(apiPort),
    });
    cleanups.push(() => api.close());
    const site = await serveStatic(buildDir, websitePort);
    cleanups.push(() => site.close());
    return {
      buildDir,
      websiteUrl,
      authUrl,
      profileApiUrl,
      outboxDir,
      stopAuthServer,
      restartAuthServer,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
