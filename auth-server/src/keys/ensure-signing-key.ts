import type { Auth } from "../auth.js";

/**
 * Makes sure a live RS256 signing key exists before the server takes requests. Better Auth would otherwise
 * create it lazily, and two first requests at once would create two keys; the keyring serialises creation
 * with an advisory lock, so instances starting together still end up with exactly one.
 */
export async function ensureSigningKey(auth: Auth): Promise<void> {
  try {
    await auth.api.signJWT({ body: { payload: { purpose: "start-up check" } } });
  } catch (error) {
    throw new Error(
      `Cannot use the signing key in the jwks table: ${(error as Error).message} (was BETTER_AUTH_SECRET changed? It encrypts the stored keys).`,
      { cause: error },
    );
  }
}
