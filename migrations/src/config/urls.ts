import * as z from "zod";
import { databaseUrlProblem } from "./database-url.js";

function urlWithScheme(schemes: string[], expected: string, echo: boolean) {
  return z.string({ error: `is required (${expected})` }).superRefine((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value.trim());
    } catch {}
    if (url && schemes.includes(url.protocol.slice(0, -1))) return;
    // A Redis or SMTP URL may carry a password: such values are never repeated back.
    const got = echo ? ` (got ${JSON.stringify(value)})` : " (got (hidden))";
    ctx.addIssue({ code: "custom", message: `must be ${expected}${got}` });
  });
}

/** An absolute http:// or https:// URL, kept as written (trimmed). */
export const httpUrl = urlWithScheme(["http", "https"], "an http:// or https:// URL", true).transform(
  (value) => value.trim(),
);

/** An http(s) URL reduced to its origin (`https://example.com:8443`): what CORS and cookies compare. */
export const origin = httpUrl.transform((value) => new URL(value).origin);

/** An http(s) URL without its trailing slashes, so paths can be appended to it (`${url}/api/auth/jwks`). */
export const baseUrl = httpUrl.transform((value) => value.replace(/\/+$/, ""));

/** A redis:// or rediss:// URL; its value is never echoed in messages (it may hold a password). */
export const redisUrl = urlWithScheme(["redis", "rediss"], "a redis:// or rediss:// URL", false);

/** An smtp:// or smtps:// URL; its value is never echoed in messages (it may hold a password). */
export const smtpUrl = urlWithScheme(["smtp", "smtps"], "an smtp:// or smtps:// URL", false);

/** A postgres:// URL with a host; its value is never echoed in messages (it holds a password). */
export const databaseUrl = z
  .string({ error: "is required (a postgres:// URL; see .env.example)" })
  .superRefine((value, ctx) => {
    const problem = databaseUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
