import type * as z from "zod";

/** A missing or malformed variable; the message names each one and says what is expected. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The environment as a process sees it. */
export type Environment = Record<string, string | undefined>;

/**
 * Parses the variables `schema` names out of `env` (other variables are ignored), or throws one ConfigError
 * listing every bad variable, each line starting with its name. A variable set to blank counts as unset, as
 * with `VAR= command` in a shell or an emptied line of a .env file.
 */
export function parseEnvironment<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Environment,
  title: string,
): z.output<z.ZodObject<Shape>> {
  const given = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((name) => env[name]?.trim())
      .map((name) => [name, env[name]]),
  );
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Invalid ${title} configuration:\n  ${[...new Set(lines)].join("\n  ")}`);
}
