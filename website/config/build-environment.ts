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
   * Whether accounts and personalisation are built in. Only the benchmark turns them off
   * (TEXTBOOK_ACCOUNTS=off), to measure what they add to a chapter page.
   */
  accounts: boolean;
  /** Whether reading progress is built in; only the benchmark turns it off (TEXTBOOK_PROGRESS=off). */
  progress: boolean;
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

type Environment = Record<string, string | undefined>;

/** Parses the variables the build uses; a malformed one stops the build with a message naming it. */
export function readBuildEnvironment(env: Environment = process.env): BuildEnvironment {
  return {
    siteUrl: httpUrl(env, "WEBSITE_URL", "http://localhost:3000").origin,
    baseUrl: basePath(env.BASE_URL ?? "/"),
    authUrl: withoutTrailingSlash(httpUrl(env, "BETTER_AUTH_URL", "http://localhost:4000")),
    profileApiUrl: withoutTrailingSlash(httpUrl(env, "PROFILE_API_URL", "http://localhost:4100")),
    accounts: switchValue(env, "TEXTBOOK_ACCOUNTS", true),
    progress: switchValue(env, "TEXTBOOK_PROGRESS", true),
    urDevServerUrl: env.WEBSITE_UR_DEV_URL
      ? withoutTrailingSlash(httpUrl(env, "WEBSITE_UR_DEV_URL", ""))
      : null,
    locale: env.DOCUSAURUS_CURRENT_LOCALE || null,
  };
}

function httpUrl(env: Environment, name: string, fallback: string): URL {
  const raw = env[name] || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL (got "${raw}").`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${name} must use http or https (got "${raw}").`);
  }
  return url;
}

function withoutTrailingSlash(url: URL): string {
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function basePath(raw: string): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

function switchValue(env: Environment, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["on", "true", "1"].includes(raw)) return true;
  if (["off", "false", "0"].includes(raw)) return false;
  throw new Error(`${name} must be "on" or "off" (got "${env[name]}").`);
}
