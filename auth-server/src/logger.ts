import { type DestinationStream, pino } from "pino";

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

/** The process's JSON logger; `destination` is for tests. */
export function createLogger(level: string, destination?: DestinationStream) {
  const options = {
    level,
    base: { service: "auth-server" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger } from "pino";
