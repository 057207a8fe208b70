import type { BetterAuthOptions } from "better-auth";
import { genericOAuth } from "better-auth/plugins";
import type { Config } from "./config.js";

/**
 * Better Auth's account-linking options. No provider is trusted by name: a provider's identity joins an existing
 * account only when the provider marks that very address verified on this sign-in and the account's own address
 * is verified too (`requireLocalEmailVerified`). Google and GitHub verify addresses, but each also reports
 * accounts whose address it has not verified (`email_verified: false`, an unverified GitHub primary address);
 * trusting them by name would link those as well. See SECURITY.md, "Sign-in providers".
 */
export const accountLinking = {
  enabled: true,
  trustedProviders: [],
  requireLocalEmailVerified: true,
  allowDifferentEmails: false,
} satisfies NonNullable<NonNullable<BetterAuthOptions["account"]>["accountLinking"]>;

/**
 * Google and GitHub when configured. With REQUIRE_EMAIL_VERIFICATION, a provider account whose address is not
 * verified (by the provider, or since by our own mail) gets no session: Better Auth's per-provider gate, which
 * `emailAndPassword.requireEmailVerification` does not switch on by itself.
 */
export function socialProviders(config: Config): NonNullable<BetterAuthOptions["socialProviders"]> {
  const gate = { requireEmailVerification: config.requireEmailVerification };
  return {
    ...(config.google ? { google: { ...config.google, ...gate } } : {}),
    ...(config.github ? { github: { ...config.github, ...gate } } : {}),
  };
}

/** The OpenID Connect provider (OIDC_*) through Better Auth's generic OAuth plugin, when configured. */
export function oidcPlugins(config: Config) {
  if (!config.oidc) return [];
  const { providerId, discoveryUrl, clientId, clientSecret } = config.oidc;
  return [
    genericOAuth({
      config: [
        {
          providerId,
          discoveryUrl,
          clientId,
          clientSecret,
          scopes: ["openid", "email", "profile"],
          pkce: true,
          requireEmailVerification: config.requireEmailVerification,
        },
      ],
    }),
  ];
}
