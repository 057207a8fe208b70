import { freePort } from "@textbook/dev-tools/free-port";

/** Where the site and the two services will listen: chosen before the build, which bakes the URLs in. */
export interface ServiceUrls {
  websiteUrl: string;
  authUrl: string;
  profileApiUrl: string;
}

/** A build of the site and the service URLs baked into it. */
export interface BuiltSite extends ServiceUrls {
  buildDir: string;
}

/** Three ports the OS reports free now, as `localhost` URLs (so the auth cookie is same-site for the browser). */
export async function chooseServiceUrls(): Promise<ServiceUrls> {
  const [websitePort, authPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  return {
    websiteUrl: `http://localhost:${websitePort}`,
    authUrl: `http://localhost:${authPort}`,
    profileApiUrl: `http://localhost:${apiPort}`,
  };
}

/** The build-time variables that bake `urls` into the site. */
export function buildEnvironment(urls: ServiceUrls): Record<string, string> {
  return {
    WEBSITE_URL: urls.websiteUrl,
    BETTER_AUTH_URL: urls.authUrl,
    PROFILE_API_URL: urls.profileApiUrl,
  };
}
