import * as z from "zod";

/** One entry of BETTER_AUTH_SECRETS: Better Auth's `secrets` option. */
export interface VersionedSecret {
  version: number;
  value: string;
}

/** BETTER_AUTH_SECRETS parsed: never empty, the current secret first. */
export type VersionedSecrets = [VersionedSecret, ...VersionedSecret[]];

const ENTRY = /^(\d{1,9}):(.*)$/s;

/**
 * BETTER_AUTH_SECRETS in Better Auth's own format, `<version>:<secret>,…`, the current secret first (its
 * `secrets` option, better-auth/better-auth#7738; parsed like `parseSecretsEnv` in
 * better-auth/dist/context/secret-utils.mjs). Stricter than Better Auth, which only warns:
 * every secret has at least 32 characters and the first entry has the highest version, so a new secret
 * appended at the end instead of put in front is refused rather than silently left unused. Messages never
 * contain a secret.
 */
export const versionedSecrets = z
  .string()
  .optional()
  .transform((value, ctx): VersionedSecrets | undefined => {
    if (!value?.trim()) return undefined;
    const secrets: VersionedSecret[] = [];
    for (const [index, entry] of value.split(",").entries()) {
      const match = ENTRY.exec(entry.trim());
      const secret = match?.[2]?.trim() ?? "";
      const problem = !match
        ? 'is not "<version>:<secret>"'
        : secret.length < 32
          ? "has a secret shorter than 32 characters"
          : secrets.some((known) => known.version === Number(match[1]))
            ? "repeats a version"
            : undefined;
      if (problem) {
        ctx.addIssue({ code: "custom", message: `entry ${index + 1} ${problem}` });
        return z.NEVER;
      }
      secrets.push({ version: Number(match?.[1]), value: secret });
    }
    const [current, ...previous] = secrets as VersionedSecrets;
    if (previous.some((secret) => secret.version > current.version)) {
      ctx.addIssue({
        code: "custom",
        message: "the first entry is the current secret and must have the highest version",
      });
      return z.NEVER;
    }
    return [current, ...previous];
  });
