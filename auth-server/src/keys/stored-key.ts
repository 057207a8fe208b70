/** A row of Better Auth's `jwks` table (the JWT plugin's `Jwk`). */
export interface StoredKey {
  id: string;
  publicKey: string;
  /** The private JWK, encrypted with BETTER_AUTH_SECRET as Better Auth does. */
  privateKey: string;
  /** When the key starts signing (later than now for a pre-published successor). */
  createdAt: Date;
  /** When it stops signing; see effectiveExpiry. */
  expiresAt?: Date;
  alg?: "RS256" | "EdDSA" | "ES256" | "ES512" | "PS256";
  crv?: "Ed25519" | "P-256" | "P-521";
}

/**
 * A key signs until its stored `expiresAt` or `createdAt` plus the rotation interval, whichever comes first:
 * keys made before rotation was configured (or with a longer interval) rotate on the current schedule too.
 */
export function effectiveExpiry(
  createdAt: Date,
  expiresAt: Date | null | undefined,
  rotationMillis: number,
): Date {
  const byPolicy = createdAt.getTime() + rotationMillis;
  return new Date(expiresAt ? Math.min(expiresAt.getTime(), byPolicy) : byPolicy);
}

/** A `jwks` row as the keyring hands it to Better Auth. */
export function toStoredKey(row: Record<string, unknown>, rotationMillis: number): StoredKey {
  const createdAt = row.createdAt as Date;
  return {
    id: String(row.id),
    publicKey: String(row.publicKey),
    privateKey: String(row.privateKey),
    createdAt,
    expiresAt: effectiveExpiry(createdAt, row.expiresAt as Date | null, rotationMillis),
    ...(row.alg ? { alg: row.alg as StoredKey["alg"] } : {}),
    ...(row.crv ? { crv: row.crv as StoredKey["crv"] } : {}),
  };
}
