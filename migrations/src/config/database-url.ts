/**
 * What is wrong with a PostgreSQL connection string, worded to follow the variable's name, or undefined when it
 * is usable. The value itself is never repeated: it holds the database password.
 */
export function databaseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a valid URL (expected postgres://user:password@host:port/database).";
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    return `must start with postgres:// or postgresql:// (got "${url.protocol}").`;
  }
  if (!url.hostname) return "has no host name.";
  return undefined;
}
