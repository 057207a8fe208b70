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
      `Cannot use the signing key in the jwks table: ${(error as Error).message} A stored key opens only with the secret that encrypted it: was BETTER_AUTH_SECRET changed, or a secret removed from BETTER_AUTH_SECRETS while a key it encrypted still signs? See SECURITY.md, "Rotating BETTER_AUTH_SECRET".`,
      { cause: error },
    );
  }
}
