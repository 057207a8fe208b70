import type { RequestHandler } from "express";
import type { Config } from "../config.js";

/** One sign-in provider as the website shows it: "Continue with <name>". */
export interface SignInProvider {
  id: string;
  name: string;
}

/** How long browsers and proxies may keep the list: a configuration change shows within a minute. */
const MAX_AGE_SECONDS = 60;

/** The configured providers, in the order the website shows them. */
export function signInProviders(config: Config): SignInProvider[] {
  return [
    ...(config.google ? [{ id: "google", name: "Google" }] : []),
    ...(config.github ? [{ id: "github", name: "GitHub" }] : []),
    ...(config.oidc ? [{ id: config.oidc.providerId, name: config.oidc.name }] : []),
  ];
}

/**
 * GET /api/auth/providers: which providers this server has configured, so one build of the website serves any
 * configuration. Public (ids and display names only) and computed once: the configuration is fixed at start.
 */
export function providersRoute(config: Config): RequestHandler {
  const body = JSON.stringify({ providers: signInProviders(config) });
  return (_req, res) => {
    res.setHeader("Cache-Control", `public, max-age=${MAX_AGE_SECONDS}`);
    res.type("application/json").send(body);
  };
}
