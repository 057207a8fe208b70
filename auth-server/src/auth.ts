import type { BetterAuthOptions } from "better-auth";
import { betterAuth } from "better-auth";
import { admin, jwt } from "better-auth/plugins";
import type pg from "pg";
import type { BackgroundTasks } from "./background-tasks.js";
import type { Config } from "./config.js";
import { forgetUnprovenIdentities } from "./forget-unproven-identities.js";
import { guardsPlugin } from "./guards/guards-plugin.js";
import { CLIENT_IP_HEADER } from "./http/client-ip.js";
import type { SigningKeyring } from "./keys/signing-keyring.js";
import { passwordResetMail, verificationMail } from "./mail/account-mails.js";
import type { MailSender } from "./mail/mail-sender.js";
import { passwordHashing } from "./passwords/password-hashing.js";
import { rehashMigratedPassword } from "./passwords/rehash-migrated-password.js";
import { rateLimitRules } from "./rate-limit-rules.js";
import type { RedisSecondaryStorage } from "./redis/redis-secondary-storage.js";
import { accountLinking, oidcPlugins, socialProviders } from "./social-sign-in.js";

/** What Better Auth needs besides configuration. */
export interface AuthServices {
  pool: pg.Pool;
  mailSender: MailSender;
  keyring: SigningKeyring;
  log?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
  /** Runs mail sending after the response (see background-tasks.ts); awaited inline when absent. */
  backgroundTasks?: BackgroundTasks;
  /** Redis (REDIS_URL): sessions and rate limits go there, so instances share them without a database write. */
  secondaryStorage?: RedisSecondaryStorage["storage"];
}

const DAY = 24 * 60 * 60;

/**
 * Better Auth's options for this platform. The schema they imply is what migrations/ creates: change a
 * plugin here and test/better-auth-schema.test.ts says which migration to add.
 */
export function createAuthOptions(config: Config, services: AuthServices) {
  const { mailSender, keyring, secondaryStorage } = services;
  return {
    database: services.pool,
    ...(secondaryStorage ? { secondaryStorage } : {}),
    baseURL: config.baseUrl,
    secret: config.secret,
    // Versioned secrets: the first signs cookies and encrypts; every listed one (and `secret`, for data stored
    // before versions) still decrypts, so stored signing keys survive a rotation. Session cookies are checked
    // against the first only: a rotation signs everyone out (SECURITY.md, "Rotating BETTER_AUTH_SECRET").
    ...(config.secrets ? { secrets: config.secrets } : {}),
    trustedOrigins: [config.websiteUrl],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      requireEmailVerification: config.requireEmailVerification,
      password: passwordHashing,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: ({ user }) => forgetUnprovenIdentities(services.pool, user),
      sendResetPassword: async ({ user, url }) => mailSender.send(passwordResetMail(user.email, url)),
    },
    emailVerification: {
      sendOnSignUp: config.requireEmailVerification,
      sendOnSignIn: config.requireEmailVerification,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => mailSender.send(verificationMail(user.email, url)),
    },
    user: { deleteUser: { enabled: true } },
    // No cookie cache: sign-out and revocation must take effect at once, also for /token.
    // With Redis, sessions are also written to the database: it stays the record (session list, account
    // deletion), and a session Redis lost (restart, eviction) is found there instead of signing the person out.
    session: { expiresIn: 7 * DAY, updateAge: DAY, storeSessionInDatabase: secondaryStorage !== undefined },
    account: { accountLinking },
    socialProviders: socialProviders(config),
    advanced: {
      database: { generateId: "uuid" },
      // Better Auth only reads addresses from headers; app.ts sets this one from the socket or trusted proxy.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Better Auth skips the origin check when NODE_ENV=test; keep it on so tests see production behaviour.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ...(services.backgroundTasks ? { backgroundTasks: { handler: services.backgroundTasks.handler } } : {}),
      useSecureCookies: config.baseUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    rateLimit: {
      enabled: config.rateLimitEnabled,
      storage: secondaryStorage ? "secondary-storage" : "database",
      ...rateLimitRules,
    },
    hooks: { after: rehashMigratedPassword },
    // Errors that are not Better Auth's own (APIError answers stay as they are) reach Express's error handler,
    // which answers 503 when the database is unreachable instead of Better Auth's bare 500.
    onAPIError: { throw: true },
    logger: { level: "warn", log: services.log ?? (() => undefined) },
    plugins: [
      guardsPlugin(),
      jwt({
        // RS256 from the first key: Better Auth keeps signing with whatever algorithm its first key has.
        jwks: {
          keyPairConfig: { alg: "RS256", modulusLength: 2048 },
          rotationInterval: config.keyRotationSeconds,
          gracePeriod: config.keyGraceSeconds,
        },
        jwt: {
          issuer: config.jwtIssuer,
          audience: config.jwtAudience,
          // A number would be taken as an absolute `exp`; a span string is relative to `iat`.
          expirationTime: `${config.jwtTtlSeconds}s`,
          definePayload: ({ user }) => ({
            email: user.email,
            name: user.name,
            emailVerified: user.emailVerified,
          }),
        },
        adapter: {
          getJwks: () => keyring.getJwks(),
          createJwk: (data) => keyring.createJwk(data),
        },
      }),
      admin(),
      ...oidcPlugins(config),
    ],
  } satisfies BetterAuthOptions;
}

/** The configured Better Auth instance. */
export function createAuth(config: Config, services: AuthServices) {
  return betterAuth(createAuthOptions(config, services));
}

export type Auth = ReturnType<typeof createAuth>;
