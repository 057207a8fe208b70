import * as z from "zod";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** What a duration variable accepts, as every error message and document says it. */
export const DURATION_SYNTAX = "a whole number of seconds (900) or of s, m, h or d (15m, 12h, 30d)";

/**
 * Seconds in a duration: a whole number is seconds (Better Auth's `expirationTime` reads numbers so), a unit
 * letter multiplies it (`15m`, `30d`; a space before the letter is allowed). Undefined when malformed, zero or
 * too large to count exactly. Months and years are left out on purpose: their length in seconds is ambiguous.
 */
export function parseDurationSeconds(value: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || "s"] ?? Number.NaN);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}

/** How a duration is written back in messages: the largest unit that divides it (900 → "15m"). */
export function formatDuration(seconds: number): string {
  for (const unit of ["d", "h", "m"] as const) {
    const size = UNIT_SECONDS[unit] ?? 1;
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

export interface DurationOptions {
  /** The value used when the variable is unset, written like a variable's value ("15m"). */
  default?: string;
  /** Fewest seconds allowed. */
  min?: number;
  /** Most seconds allowed. */
  max?: number;
}

/** A duration variable (see parseDurationSeconds), parsed to seconds, optionally bounded. */
export function duration(options: DurationOptions = {}) {
  const text = z.string({ error: `is required (${DURATION_SYNTAX})` });
  const withDefault = options.default === undefined ? text : text.default(options.default);
  return withDefault.transform((value, ctx) => {
    const seconds = parseDurationSeconds(value);
    if (seconds === undefined) {
      ctx.addIssue({ code: "custom", message: `must be ${DURATION_SYNTAX} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    const { min = 1, max = Number.MAX_SAFE_INTEGER } = options;
    if (seconds < min || seconds > max) {
      const range = `from ${formatDuration(min)} to ${formatDuration(max)}`;
      ctx.addIssue({ code: "custom", message: `must be ${range} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return seconds;
  });
}
