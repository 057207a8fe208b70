import { type SecretConfig, symmetricEncrypt } from "better-auth/crypto";
import { exportJWK, generateKeyPair } from "jose";
import type { StoredKey } from "./stored-key.js";

/**
 * A new RS256 key pair in exactly the form Better Auth's JWT plugin stores (its `createJwk`): public JWK as JSON,
 * private JWK encrypted with the secret (the current version of versioned secrets), so Better Auth signs with it
 * like with a key it made itself.
 */
export async function generateSigningKey(
  secret: string | SecretConfig,
  createdAt: Date,
  expiresAt: Date,
): Promise<Omit<StoredKey, "id">> {
  const pair = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const privateJwk = JSON.stringify(await exportJWK(pair.privateKey));
  return {
    publicKey: JSON.stringify(await exportJWK(pair.publicKey)),
    privateKey: JSON.stringify(await symmetricEncrypt({ key: secret, data: privateJwk })),
    createdAt,
    expiresAt,
    alg: "RS256",
  };
}
