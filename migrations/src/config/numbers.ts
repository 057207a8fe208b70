import * as z from "zod";

/** A whole number from `min` to `max`, written in decimal digits; `fallback` when unset. */
export function integer(min: number, max: number, fallback?: number) {
  const rule = `must be a whole number from ${min} to ${max}`;
  const text = z.string({ error: `is required (${rule.slice("must be ".length)})` });
  return (fallback === undefined ? text : text.default(String(fallback))).transform((value, ctx) => {
    const number = /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= max)) {
      ctx.addIssue({ code: "custom", message: `${rule} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return number;
  });
}

/**
 * A TCP port. 0 asks the system for a free one (tests use it); `{ min: 1 }` where a fixed port must be known in
 * advance (the local stack prints the addresses before the services start).
 */
export function port(fallback?: number, { min = 0 }: { min?: number } = {}) {
  const range = `from ${min} to 65535`;
  const text = z.string({ error: `is required (a port number ${range})` });
  return (fallback === undefined ? text : text.default(String(fallback))).transform((value, ctx) => {
    const number = /^\s*\d{1,5}\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= 65_535)) {
      ctx.addIssue({
        code: "custom",
        message: `must be a port number ${range} (got ${JSON.stringify(value)})`,
      });
      return z.NEVER;
    }
    return number;
  });
}
