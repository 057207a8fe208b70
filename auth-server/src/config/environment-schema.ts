import { parseDatabaseUrl } from "@textbook/migrations/database";
import { parseProxyTrust } from "@textbook/migrations/proxy-trust";
import * as z from "zod";
import { parseDurationSeconds } from "./duration.js";
import { versionedSecrets } from "./versioned-secrets.js";

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => ["true", "1", "yes"].includes(value));

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const origin = httpUrl.transform((value) => new URL(value).origin);
const port = z.coerce.number().int().min(0).max(65_535);
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const seconds = parseDurationSeconds(value);
      if (seconds === undefined) {
        ctx.addIssue({ code: "custom", message: `must be a duration like 15m, 12h or 30d (got "${value}")` });
        return z.NEVER;
      }
      return seconds;
    });
const databaseUrl = z.string().transform((value, ctx) => {
  try {
    parseDatabaseUrl(value, "the URL");
    return value;
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
const optional = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** The auth-server's environment variables as the contract names them (docs/architecture.md, README.md). */
export const environmentSchema = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  BETTER_AUTH_SECRET: optional,
  BETTER_AUTH_SECRETS: versionedSecrets,
  BETTER_AUTH_URL: httpUrl.default("http://localhost:4000"),
  WEBSITE_URL: origin.default("http://localhost:3000"),
  PROFILE_API_URL: httpUrl.default("http://localhost:4100"),
  JWT_ISSUER: optional,
  JWT_AUDIENCE: optional,
  JWT_TTL: duration("15m"),
  JWT_KEY_ROTATION_INTERVAL: duration("30d"),
  JWT_KEY_GRACE_PERIOD: duration("7d"),
  AUTH_PORT: port.default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  REQUIRE_EMAIL_VERIFICATION: flag(true),
  SMTP_URL: optional.pipe(
    z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  ),
  MAIL_FROM: z.string().min(3).default("Physical AI Textbook <no-reply@localhost>"),
  // Read by the one function the profile-api uses too: true is one hop, a number that many.
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, ctx) => {
      try {
        return parseProxyTrust(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RATE_LIMIT_ENABLED: flag(true),
  REDIS_URL: optional.pipe(
    z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  ),
  REDIS_KEY_PREFIX: z.string().min(1).default("textbook:"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: optional,
  OUTBOX_DIR: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  OIDC_PROVIDER_ID: optional,
  OIDC_DISCOVERY_URL: optional.pipe(httpUrl.optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  // The name on the website's "Continue with …" button.
  OIDC_PROVIDER_NAME: optional.pipe(
    z
      .string()
      .max(60, "must be at most 60 characters")
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .optional(),
  ),
});

export type Environment = z.infer<typeof environmentSchema>;
