import * as z from "zod";

/** Text that is optional; surrounding spaces go (an unset and a blank variable are the same, see parseEnvironment). */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** pino's log levels, the same in both services. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** LOG_LEVEL: one of pino's levels, `info` unless set. */
export const logLevel = z
  .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
  .default("info");
