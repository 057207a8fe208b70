import type { BetterAuthOptions } from "better-auth";
import { betterAuth } from "better-auth";
import { admin, jwt } from "better-auth/plugins";
import type pg from "pg";

/** The parts of the auth-server's configuration that shape Better Auth (see config.ts). */
export interface AuthSettings {
  baseUrl: string;
  secret: string;
  websiteUrl: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** Lifetime of an access JWT, in seconds. */
  jwtTtlSeconds: number;
  requireEmailVerification: boolean;
}

/**
 * Better Auth's options for this platform. The schema they imply is what migrations/ creates: change a
 * plugin here and test/better-auth-schema.test.ts says which migration to add.
 */
export function createAuthOptions(settings: AuthSettings, pool: pg.Pool) {
  return {
    database: pool,
    baseURL: settings.baseUrl,
    secret: settings.secret,
    trustedOrigins: [settings.websiteUrl],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      requireEmailVerification: settings.requireEmailVerification,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: { database: { generateId: "uuid" } },
    rateLimit: { enabled: true, storage: "database" },
    plugins: [
      // RS256 from the first key: Better Auth keeps signing with whatever algorithm its first key has.
      jwt({
        jwks: { keyPairConfig: { alg: "RS256", modulusLength: 2048 } },
        jwt: {
          issuer: settings.jwtIssuer,
          audience: settings.jwtAudience,
          expirationTime: settings.jwtTtlSeconds,
          definePayload: ({ user }) => ({
            email: user.email,
            name: user.name,
            emailVerified: user.emailVerified,
          }),
        },
      }),
      admin(),
    ],
  } satisfies BetterAuthOptions;
}

/** The configured Better Auth instance. */
export function createAuth(settings: AuthSettings, pool: pg.Pool) {
  return betterAuth(createAuthOptions(settings, pool));
}
