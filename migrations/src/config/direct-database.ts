import { databaseUrl } from "./urls.js";

/**
 * The variables of the direct database connection, for a schema: migrations, the keys command and bulk work use
 * DATABASE_URL_UNPOOLED (Neon: the host without "-pooler"), falling back to DATABASE_URL.
 */
export const directDatabaseVariables = {
  DATABASE_URL_UNPOOLED: databaseUrl.optional(),
  DATABASE_URL: databaseUrl.optional(),
};

/** The direct URL and the variable it came from (for messages), or undefined when neither is set. */
export function directDatabase(parsed: {
  DATABASE_URL_UNPOOLED?: string | undefined;
  DATABASE_URL?: string | undefined;
}): { url: string; variable: "DATABASE_URL_UNPOOLED" | "DATABASE_URL" } | undefined {
  if (parsed.DATABASE_URL_UNPOOLED)
    return { url: parsed.DATABASE_URL_UNPOOLED, variable: "DATABASE_URL_UNPOOLED" };
  if (parsed.DATABASE_URL) return { url: parsed.DATABASE_URL, variable: "DATABASE_URL" };
  return undefined;
}
