import { parseDatabaseUrl } from "@textbook/migrations/database";
import { type ProxyTrust, parseProxyTrust } from "@textbook/migrations/proxy-trust";
import Type, { type Static } from "typebox";
import { Value } from "typebox/value";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The environment variables the profile-api reads (docs/architecture.md, "Configuration"). */
const EnvironmentSchema = Type.Object({
  NODE_ENV: Type.String({ default: "development" }),
  DATABASE_URL: Type.String({ minLength: 1 }),
  HOST: Type.String({ minLength: 1, default: "127.0.0.1" }),
  PROFILE_API_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 4100 }),
  BETTER_AUTH_URL: Type.String({ default: "http://localhost:4000" }),
  PROFILE_API_URL: Type.String({ default: "http://localhost:4100" }),
  WEBSITE_URL: Type.String({ default: "http://localhost:3000" }),
  JWKS_URL: Type.Optional(Type.String()),
  JWT_ISSUER: Type.Optional(Type.String({ minLength: 1 })),
  JWT_AUDIENCE: Type.Optional(Type.String({ minLength: 1 })),
  JWT_TTL: Type.String({ pattern: "^[0-9]+[smhd]?$", default: "15m" }),
  JWKS_CACHE_TTL: Type.String({ pattern: "^[0-9]+[smhd]?$", default: "5m" }),
  PROFILE_API_RATE_LIMIT: Type.Integer({ minimum: 1, default: 600 }),
  // true trusts one hop; a number trusts that many (parseProxyTrust, shared with the auth-server).
  TRUST_PROXY: Type.String({ pattern: "^(true|false|[0-9]{1,2})$", default: "false" }),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: "^rediss?://" })),
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, default: "textbook:" }),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    { default: "info" },
  ),
});
type Environment = Static<typeof EnvironmentSchema>;

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

/** Parses the environment once, at start; throws one message naming every malformed variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(
    Object.keys(EnvironmentSchema.properties)
      // An empty variable counts as unset, as in most shells' `VAR= command`.
      .filter((key) => env[key] !== undefined && env[key] !== "")
      .map((key) => [key, env[key]]),
  );
  const converted = Value.Convert(EnvironmentSchema, Value.Default(EnvironmentSchema, known));
  const problems = [...Value.Errors(EnvironmentSchema, converted)]
    .filter((error) => error.keyword !== "anyOf")
    .map((error) => describe(error as SchemaError, known));
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${unique(problems).join("\n  ")}`);
  return toConfig(converted as Environment);
}

function toConfig(env: Environment): Config {
  parseDatabaseUrl(env.DATABASE_URL, "DATABASE_URL");
  const authUrl = httpUrl(env.BETTER_AUTH_URL, "BETTER_AUTH_URL");
  return {
    production: env.NODE_ENV === "production",
    host: env.HOST,
    port: env.PROFILE_API_PORT,
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    websiteOrigin: httpUrl(env.WEBSITE_URL, "WEBSITE_URL").origin,
    jwt: {
      jwksUrl: httpUrl(env.JWKS_URL ?? `${stripSlash(authUrl.href)}/api/auth/jwks`, "JWKS_URL"),
      // Better Auth's JWT plugin uses its base URL as issuer and audience unless told otherwise.
      issuer: env.JWT_ISSUER ?? stripSlash(authUrl.href),
      audience: env.JWT_AUDIENCE ?? stripSlash(httpUrl(env.PROFILE_API_URL, "PROFILE_API_URL").href),
      maxTokenAgeSeconds: durationSeconds(env.JWT_TTL),
      jwksCacheTtlSeconds: jwksCacheTtl(env.JWKS_CACHE_TTL),
    },
    rateLimitPerMinute: env.PROFILE_API_RATE_LIMIT,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : undefined,
    trustProxy: parseProxyTrust(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL,
  };
}

// Longer would keep a revoked signing key trusted for longer; 0 would fetch the key set for every verification.
const JWKS_CACHE_TTL_RANGE = { min: 1, max: 3600 };

function jwksCacheTtl(value: string): number {
  const seconds = durationSeconds(value);
  if (seconds < JWKS_CACHE_TTL_RANGE.min || seconds > JWKS_CACHE_TTL_RANGE.max) {
    throw new Error(`JWKS_CACHE_TTL must be from 1s to 1h (got "${value}").`);
  }
  return seconds;
}

function httpUrl(value: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} is not a valid URL (got "${value}").`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${variable} must be an http:// or https:// URL (got "${value}").`);
  }
  return url;
}

function stripSlash(href: string): string {
  return href.endsWith("/") ? href.slice(0, -1) : href;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "15m" → 900; a bare number is seconds, like Better Auth's `expirationTime`. */
function durationSeconds(value: string): number {
  const unit = value.at(-1) ?? "s";
  const seconds = UNIT_SECONDS[unit];
  return seconds === undefined ? Number(value) : Number(value.slice(0, -1)) * seconds;
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: { requiredProperties?: string[] };
}

function describe(error: SchemaError, given: Record<string, unknown>): string {
  if (error.keyword === "required") {
    return `${error.params.requiredProperties?.join(", ")} is required (a postgres:// URL; see .env.example)`;
  }
  const variable = error.instancePath.split("/")[1] ?? "";
  // The database URL may hold a password, so its value is never echoed.
  const value =
    variable === "DATABASE_URL" || variable === "REDIS_URL" ? "(hidden)" : JSON.stringify(given[variable]);
  const rule =
    variable === "LOG_LEVEL"
      ? `must be one of ${LOG_LEVELS.join(", ")}`
      : variable === "REDIS_URL"
        ? "must be a redis:// or rediss:// URL"
        : error.message;
  return `${variable} ${rule} (got ${value})`;
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}
