import { pino } from "pino";

/** Paths pino removes from every log line: credentials never reach the logs. */
export const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  'res.headers["set-auth-jwt"]',
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "*.password",
  "*.token",
];

/** The process's JSON logger. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "auth-server" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  });
}

export type { Logger } from "pino";
