import {
  baseUrl,
  databaseUrl,
  duration,
  httpUrl,
  integer,
  type LOG_LEVELS,
  logLevel,
  optionalText,
  origin,
  parseEnvironment,
  port,
  proxyTrust,
  redisUrl,
} from "@textbook/migrations/config";
import type { ProxyTrust } from "@textbook/migrations/proxy-trust";
import * as z from "zod";

/**
 * The environment variables the profile-api reads (docs/architecture.md, "Configuration"), made of the pieces
 * every part shares (@textbook/migrations/config).
 */
const environmentSchema = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: databaseUrl,
  HOST: z.string().default("127.0.0.1"),
  PROFILE_API_PORT: port(4100),
  BETTER_AUTH_URL: baseUrl.default("http://localhost:4000"),
  PROFILE_API_URL: baseUrl.default("http://localhost:4100"),
  WEBSITE_URL: origin.default("http://localhost:3000"),
  JWKS_URL: httpUrl.optional(),
  JWT_ISSUER: optionalText,
  JWT_AUDIENCE: optionalText,
  JWT_TTL: duration({ default: "15m" }),
  // Longer would keep a revoked signing key trusted for longer; 0 would fetch the key set for every verification.
  JWKS_CACHE_TTL: duration({ default: "5m", min: 1, max: 3_600 }),
  PROFILE_API_RATE_LIMIT: integer(1, 1_000_000, 600),
  TRUST_PROXY: proxyTrust,
  DATABASE_POOL_MAX: integer(1, 100, 10),
  REDIS_URL: redisUrl.optional(),
  REDIS_KEY_PREFIX: z.string().default("textbook:"),
  LOG_LEVEL: logLevel,
});

export interface Config {
  production: boolean;
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolMax: number;
  websiteOrigin: string;
  jwt: {
    jwksUrl: URL;
    issuer: string;
    audience: string;
    /** Oldest token (by `iat`) accepted, in seconds: the auth-server's JWT_TTL. */
    maxTokenAgeSeconds: number;
    /** JWKS_CACHE_TTL: the key set is refetched at least this often, and keys that left it are dropped. */
    jwksCacheTtlSeconds: number;
  };
  rateLimitPerMinute: number;
  /** Where the rate-limit counters live so every instance shares them; unset: each instance counts alone. */
  redis: { url: string; keyPrefix: string } | undefined;
  /** How many proxy hops' X-Forwarded-For entries are believed (TRUST_PROXY: true is one); false: none. */
  trustProxy: ProxyTrust;
  logLevel: (typeof LOG_LEVELS)[number];
}

/** Parses the environment once, at start; throws one ConfigError naming every malformed variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = parseEnvironment(environmentSchema, env, "profile-api");
  return {
    production: parsed.NODE_ENV === "production",
    host: parsed.HOST,
    port: parsed.PROFILE_API_PORT,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    websiteOrigin: parsed.WEBSITE_URL,
    jwt: {
      jwksUrl: new URL(parsed.JWKS_URL ?? `${parsed.BETTER_AUTH_URL}/api/auth/jwks`),
      // Better Auth's JWT plugin uses its base URL as issuer and audience unless told otherwise.
      issuer: parsed.JWT_ISSUER ?? parsed.BETTER_AUTH_URL,
      audience: parsed.JWT_AUDIENCE ?? parsed.PROFILE_API_URL,
      maxTokenAgeSeconds: parsed.JWT_TTL,
      jwksCacheTtlSeconds: parsed.JWKS_CACHE_TTL,
    },
    rateLimitPerMinute: parsed.PROFILE_API_RATE_LIMIT,
    redis: parsed.REDIS_URL ? { url: parsed.REDIS_URL, keyPrefix: parsed.REDIS_KEY_PREFIX } : undefined,
    trustProxy: parsed.TRUST_PROXY,
    logLevel: parsed.LOG_LEVEL,
  };
}
