import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAuthServer } from "@textbook/auth-server/testing";
import { startProfileApi } from "@textbook/profile-api/testing";
import type { BuiltSite } from "./service-urls.js";
import { siteBuild } from "./site-build.js";
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

/** Variables added to (or replacing) the services' defaults, e.g. an OpenID provider for the auth-server. */
export interface StackOptions {
  authEnv?: Record<string, string>;
  profileApiEnv?: Record<string, string>;
  /** The build to serve; by default the e2e project's shared build. A benchmark outside vitest passes its own. */
  site?: BuiltSite;
}

/**
 * The whole product on this machine: the shared site build (site-build.ts) served statically, the auth-server and
 * the profile-api on a database of their own, on the ports baked into the build. Every URL uses `localhost`, so
 * the auth cookie is same-site for the browser. E2E files run one at a time, so the ports are free for each; the
 * stack drops `database` when it closes.
 */
export async function startStack(
  database: { url: string; drop(): Promise<void> },
  options: StackOptions = {},
): Promise<Stack> {
  const { buildDir, websiteUrl, authUrl, profileApiUrl } = options.site ?? (await siteBuild());
  const [websitePort, authPort, apiPort] = [websiteUrl, authUrl, profileApiUrl].map(
    (url) => new URL(url).port,
  );
  const workDir = await mkdtemp(join(tmpdir(), "textbook-e2e-"));
  const outboxDir = join(workDir, "outbox");

  const cleanups: (() => Promise<unknown>)[] = [
    () => database.drop(),
    () => rm(workDir, { recursive: true, force: true }),
  ];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
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
      ...options.authEnv,
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
      ...options.profileApiEnv,
    });
    cleanups.push(() => api.close());
    const site = await serveStatic(buildDir, Number(websitePort));
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
