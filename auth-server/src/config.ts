import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, parseEnvironment } from "@textbook/migrations/config";
import { type Environment, environmentSchema } from "./config/environment-schema.js";
import { readOrCreateSecret } from "./config/secret-file.js";
import type { VersionedSecrets } from "./config/versioned-secrets.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** How long verifiers may cache the JWKS (the Cache-Control max-age of GET /api/auth/jwks), in seconds. */
export const JWKS_MAX_AGE_SECONDS = 300;

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** The auth-server's configuration, parsed once at start (see .env.example for each variable). */
export interface Config {
  production: boolean;
  databaseUrl: string;
  databasePoolMax: number;
  host: string;
  port: number;
  baseUrl: string;
  /** BETTER_AUTH_SECRET: the secret, or with `secrets` the one that opens what was encrypted before them. */
  secret: string;
  /** BETTER_AUTH_SECRETS: versioned secrets, the current one first (see SECURITY.md, rotating the secret). */
  secrets: VersionedSecrets | undefined;
  websiteUrl: string;
  jwtIssuer: string;
  jwtAudience: string;
  jwtTtlSeconds: number;
  keyRotationSeconds: number;
  keyGraceSeconds: number;
  requireEmailVerification: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Express's `trust proxy` value: false, or the number of proxy hops in front of the server. */
  trustProxy: false | number;
  rateLimitEnabled: boolean;
  /** Redis for sessions and rate limits (Better Auth's secondary storage); unset: Postgres alone. */
  redis: { url: string; keyPrefix: string } | undefined;
  logLevel: string;
  dataDir: string;
  outboxDir: string;
  google: OAuthClient | undefined;
  github: OAuthClient | undefined;
  /** OIDC_*: `name` (OIDC_PROVIDER_NAME, default the id) is what the website's button says. */
  oidc: (OAuthClient & { providerId: string; name: string; discoveryUrl: string }) | undefined;
}

/** Thrown for a missing or malformed variable; the message names it (the one class every part uses). */
export { ConfigError };

/** Parses the environment into a Config, or throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  return toConfig(parseEnvironment(environmentSchema, env, "auth-server"));
}

function toConfig(env: Environment): Config {
  const production = env.NODE_ENV === "production";
  const dataDir = resolve(env.DATA_DIR ?? join(REPO_ROOT, ".data"));
  const baseUrl = env.BETTER_AUTH_URL;
  const config: Config = {
    production,
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    host: env.HOST,
    port: env.AUTH_PORT,
    baseUrl,
    secret: resolveSecret(env, production, dataDir),
    secrets: env.BETTER_AUTH_SECRETS,
    websiteUrl: env.WEBSITE_URL,
    jwtIssuer: env.JWT_ISSUER ?? baseUrl,
    jwtAudience: env.JWT_AUDIENCE ?? env.PROFILE_API_URL,
    jwtTtlSeconds: env.JWT_TTL,
    keyRotationSeconds: env.JWT_KEY_ROTATION_INTERVAL,
    keyGraceSeconds: env.JWT_KEY_GRACE_PERIOD,
    requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    trustProxy: env.TRUST_PROXY,
    rateLimitEnabled: env.RATE_LIMIT_ENABLED,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : undefined,
    logLevel: env.LOG_LEVEL,
    dataDir,
    outboxDir: resolve(env.OUTBOX_DIR ?? join(dataDir, "outbox")),
    google: oauthClient(env, "GOOGLE"),
    github: oauthClient(env, "GITHUB"),
    oidc: oidcClient(env),
  };
  assertConsistent(config);
  return config;
}

function resolveSecret(env: Environment, production: boolean, dataDir: string): string {
  const given = env.BETTER_AUTH_SECRET;
  if (given !== undefined && given.length < 32) {
    throw new ConfigError("BETTER_AUTH_SECRET must be at least 32 characters long.");
  }
  if (given) return given;
  // With versioned secrets the legacy one only opens keys stored before them; none is needed on a fresh
  // database, and the current secret is the right guess for one that ran on it as BETTER_AUTH_SECRET.
  if (production && env.BETTER_AUTH_SECRETS) return env.BETTER_AUTH_SECRETS[0].value;
  if (production) {
    throw new ConfigError(
      "BETTER_AUTH_SECRET is required when NODE_ENV=production (at least 32 characters; keep it: it encrypts the signing keys).",
    );
  }
  const file = join(dataDir, "better-auth-secret");
  const secret = readOrCreateSecret(file);
  // Better Auth would fall back to its public default secret for an empty one: anyone could forge a link.
  if (secret.length < 32) {
    throw new ConfigError(
      `${file} holds ${secret.length === 0 ? "nothing" : `only ${secret.length} characters`}, and the secret needs at least 32. ` +
        "Delete the file and start again to have a new one generated (on a laptop; signing keys stored with the old value cannot be read afterwards, so start from an empty database too), or set BETTER_AUTH_SECRET.",
    );
  }
  return secret;
}

function oauthClient(env: Environment, prefix: "GOOGLE" | "GITHUB"): OAuthClient | undefined {
  const clientId = env[`${prefix}_CLIENT_ID`];
  const clientSecret = env[`${prefix}_CLIENT_SECRET`];
  if (!clientId && !clientSecret) return undefined;
  if (!clientId || !clientSecret) {
    throw new ConfigError(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET must be set together.`);
  }
  return { clientId, clientSecret };
}

function oidcClient(env: Environment): Config["oidc"] {
  const values = [env.OIDC_PROVIDER_ID, env.OIDC_DISCOVERY_URL, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (values.every((value) => value === undefined)) {
    if (env.OIDC_PROVIDER_NAME) throw new ConfigError("OIDC_PROVIDER_NAME needs the other OIDC_* variables.");
    return undefined;
  }
  const [providerId, discoveryUrl, clientId, clientSecret] = values;
  if (!providerId || !discoveryUrl || !clientId || !clientSecret) {
    throw new ConfigError(
      "OIDC_PROVIDER_ID, OIDC_DISCOVERY_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together.",
    );
  }
  return { providerId, name: env.OIDC_PROVIDER_NAME ?? providerId, discoveryUrl, clientId, clientSecret };
}

function assertConsistent(config: Config): void {
  // A rotated key must stay in the JWKS until every token it signed has expired and every verifier has
  // refetched, or a valid token would be rejected.
  const minimumGrace = config.jwtTtlSeconds + JWKS_MAX_AGE_SECONDS;
  if (config.keyGraceSeconds <= minimumGrace) {
    throw new ConfigError(
      `JWT_KEY_GRACE_PERIOD must be longer than JWT_TTL plus the JWKS cache time (${minimumGrace}s).`,
    );
  }
  // The outbox writes every mail, links included, to a folder on this machine: a laptop tool.
  if (config.production && !config.smtpUrl) {
    throw new ConfigError(
      "SMTP_URL is required when NODE_ENV=production (smtp:// or smtps://): without it mail would only go to the local outbox folder.",
    );
  }
  if (config.production && !config.rateLimitEnabled) {
    throw new ConfigError(
      "RATE_LIMIT_ENABLED=false is for tests only and is refused when NODE_ENV=production.",
    );
  }
}
