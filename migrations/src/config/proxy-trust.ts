import * as z from "zod";
import { PROXY_TRUST_RULE, parseProxyTrust } from "../proxy-trust.js";

/** TRUST_PROXY as both services read it (parseProxyTrust): false unless set. */
export const proxyTrust = z
  .string()
  .optional()
  .transform((value, ctx) => {
    try {
      return parseProxyTrust(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `${PROXY_TRUST_RULE} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
  });
