import useDocusaurusContext from "@docusaurus/useDocusaurusContext";

/** Where the browser finds the services; set at build time (see config/build-environment.ts). */
export interface ServiceUrls {
  authUrl: string;
  profileApiUrl: string;
}

/** The service URLs the site was built with, from `customFields`. */
export function useServiceUrls(): ServiceUrls {
  const { customFields } = useDocusaurusContext().siteConfig;
  return readServiceUrls(customFields);
}

/** Narrows Docusaurus's untyped `customFields` to the service URLs, failing loudly on a broken build. */
export function readServiceUrls(customFields: Record<string, unknown> | undefined): ServiceUrls {
  const { authUrl, profileApiUrl } = customFields ?? {};
  if (typeof authUrl !== "string" || typeof profileApiUrl !== "string") {
    throw new Error("docusaurus.config.ts must set customFields.authUrl and customFields.profileApiUrl.");
  }
  return { authUrl, profileApiUrl };
}
