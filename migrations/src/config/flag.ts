import * as z from "zod";

const TRUE = ["true", "1", "yes", "on"];
const FALSE = ["false", "0", "no", "off"];

/**
 * A yes/no variable: true/false, and also on/off, yes/no, 1/0 in any case (the services took true/1/yes, the
 * website's build on/off; every spelling either accepted is kept, none means anything else).
 */
export function flag(fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      const word = value.trim().toLowerCase();
      if (TRUE.includes(word)) return true;
      if (FALSE.includes(word)) return false;
      ctx.addIssue({
        code: "custom",
        message: `must be true or false (or on/off, yes/no, 1/0; got ${JSON.stringify(value)})`,
      });
      return z.NEVER;
    });
}
