import {
  baseUrl,
  databaseUrl,
  duration,
  flag,
  httpUrl,
  integer,
  logLevel,
  optionalText,
  origin,
  port,
  proxyTrust,
  redisUrl,
  smtpUrl,
} from "@textbook/migrations/config";
import * as z from "zod";
import { versionedSecrets } from "./versioned-secrets.js";

/**
 * The auth-server's environment variables as the contract names them (docs/architecture.md, README.md), made
 * of the pieces every part shares (@textbook/migrations/config).
 */
export const environmentSchema = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_MAX: integer(1, 100, 10),
  BETTER_AUTH_SECRET: optionalText,
  BETTER_AUTH_SECRETS: versionedSecrets,
  BETTER_AUTH_URL: baseUrl.default("http://localhost:4000"),
  WEBSITE_URL: origin.default("http://localhost:3000"),
  PROFILE_API_URL: baseUrl.default("http://localhost:4100"),
  JWT_ISSUER: optionalText,
  JWT_AUDIENCE: optionalText,
  JWT_TTL: duration({ default: "15m" }),
  JWT_KEY_ROTATION_INTERVAL: duration({ default: "30d" }),
  JWT_KEY_GRACE_PERIOD: duration({ default: "7d" }),
  AUTH_PORT: port(4000),
  HOST: z.string().default("127.0.0.1"),
  REQUIRE_EMAIL_VERIFICATION: flag(true),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z
    .string()
    .min(3, "must be at least 3 characters")
    .default("Physical AI Textbook <no-reply@localhost>"),
  TRUST_PROXY: proxyTrust,
  RATE_LIMIT_ENABLED: flag(true),
  REDIS_URL: redisUrl.optional(),
  REDIS_KEY_PREFIX: z.string().default("textbook:"),
  LOG_LEVEL: logLevel,
  DATA_DIR: optionalText,
  OUTBOX_DIR: optionalText,
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
  GITHUB_CLIENT_ID: optionalText,
  GITHUB_CLIENT_SECRET: optionalText,
  OIDC_PROVIDER_ID: optionalText,
  OIDC_DISCOVERY_URL: httpUrl.optional(),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  // The name on the website's "Continue with …" button.
  OIDC_PROVIDER_NAME: optionalText.pipe(
    z
      .string()
      .max(60, "must be at most 60 characters")
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .optional(),
  ),
});

export type Environment = z.infer<typeof environmentSchema>;
