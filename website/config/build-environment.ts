import { baseUrl, origin, parseEnvironment } from "@textbook/migrations/config";
import * as z from "zod";

/**
 * The website's build-time configuration, read once from the environment. The URLs are baked into the static
 * build (the browser cannot read the server's environment), so changing them needs a rebuild.
 */
export interface BuildEnvironment {
  /** Public origin of the site (WEBSITE_URL), used for canonical URLs and the sitemap. */
  siteUrl: string;
  /** Path the site is served under (BASE_URL), always with leading and trailing slashes. */
  baseUrl: string;
  /** Public base URL of the auth-server (BETTER_AUTH_URL). */
  authUrl: string;
  /** Public base URL of the profile-api (PROFILE_API_URL). */
  profileApiUrl: string;
  /**
   * Where the Urdu edition's dev server listens (WEBSITE_UR_DEV_URL), set by `npm start`
   * (scripts/start-dev-servers.ts) for the two dev servers; null for a build.
   */
  urDevServerUrl: string | null;
  /**
   * The locale being built or served (DOCUSAURUS_CURRENT_LOCALE, which Docusaurus sets before it loads this
   * config for each locale); null when Docusaurus has not said, i.e. the default locale.
   */
  locale: string | null;
}

// The shared pieces (@textbook/migrations/config), so a URL or a flag means the same here as in the services.
const environmentSchema = z.object({
  WEBSITE_URL: origin.default("http://localhost:3000"),
  BASE_URL: z
    .string()
    .default("/")
    .transform((value) => {
      const trimmed = value.replace(/^\/+|\/+$/g, "");
      return trimmed ? `/${trimmed}/` : "/";
    }),
  BETTER_AUTH_URL: baseUrl.default("http://localhost:4000"),
  PROFILE_API_URL: baseUrl.default("http://localhost:4100"),
  WEBSITE_UR_DEV_URL: baseUrl.optional(),
  DOCUSAURUS_CURRENT_LOCALE: z.string().optional(),
});

/** Parses the variables the build uses; a malformed one stops the build with a message naming it. */
export function readBuildEnvironment(
  env: Record<string, string | undefined> = process.env,
): BuildEnvironment {
  const parsed = parseEnvironment(environmentSchema, env, "website build");
  return {
    siteUrl: parsed.WEBSITE_URL,
    baseUrl: parsed.BASE_URL,
    authUrl: parsed.BETTER_AUTH_URL,
    profileApiUrl: parsed.PROFILE_API_URL,
    urDevServerUrl: parsed.WEBSITE_UR_DEV_URL ?? null,
    locale: parsed.DOCUSAURUS_CURRENT_LOCALE || null,
  };
}
