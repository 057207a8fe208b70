import type { SecretConfig } from "better-auth/crypto";
import type { Config } from "../config.js";

/**
 * What Better Auth encrypts and decrypts the stored private keys with (its `secretConfig`, built the same way as
 * `buildSecretConfig` in better-auth/dist/context/secret-utils.mjs): the plain secret, or with versioned
 * secrets the current version for new keys, every listed version for keys marked with theirs, and
 * BETTER_AUTH_SECRET for unmarked keys stored before versions were used.
 */
export function encryptionSecret(config: Pick<Config, "secret" | "secrets">): string | SecretConfig {
  if (!config.secrets) return config.secret;
  return {
    keys: new Map(config.secrets.map(({ version, value }) => [version, value])),
    currentVersion: config.secrets[0].version,
    legacySecret: config.secret,
  };
}
