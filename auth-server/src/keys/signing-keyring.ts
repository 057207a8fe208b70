import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";

/** A row of Better Auth's `jwks` table (the JWT plugin's `Jwk`). */
export interface StoredKey {
  id: string;
  publicKey: string;
  privateKey: string;
  createdAt: Date;
  expiresAt?: Date;
  alg?: "RS256" | "EdDSA" | "ES256" | "ES512" | "PS256";
  crv?: "Ed25519" | "P-256" | "P-521";
}

/** The signing keys, cached in memory and created in the database one at a time across all instances. */
export interface SigningKeyring {
  /** The cached keys; refreshed in the background once they are older than the refresh interval. */
  getJwks(): Promise<StoredKey[]>;
  /** Stores a new key unless another instance already stored a live one, which is returned instead. */
  createJwk(data: Omit<StoredKey, "id">): Promise<StoredKey>;
  reload(): Promise<StoredKey[]>;
}

// Any fixed 64-bit number unique to this purpose; pg_advisory_xact_lock serialises key creation across instances.
const KEY_CREATION_LOCK = 7_304_112_450_001;

export interface KeyringOptions {
  /** How often to pick up keys other instances created. */
  refreshMillis: number;
  /** Every key stops signing this long after its creation (JWT_KEY_ROTATION_INTERVAL). */
  rotationSeconds: number;
}

/**
 * A keyring over the `jwks` table; other instances' new keys show up within `refreshMillis`. A key's expiry is
 * its stored `expiresAt`, or `createdAt` plus the rotation interval: keys made before rotation was configured
 * (or with a longer interval) still rotate on the current schedule instead of signing forever.
 */
export function createSigningKeyring(pool: pg.Pool, options: KeyringOptions): SigningKeyring {
  const rotationMillis = options.rotationSeconds * 1000;
  let keys: StoredKey[] | undefined;
  let loadedAt = 0;
  let loading: Promise<StoredKey[]> | undefined;

  const reload = () => {
    loading ??= selectKeys(pool, rotationMillis)
      .then((rows) => {
        keys = rows;
        loadedAt = Date.now();
        return rows;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };

  return {
    async getJwks() {
      if (!keys) return reload();
      // Stale-while-revalidate: a request never waits for the database once keys are known.
      if (Date.now() - loadedAt > options.refreshMillis) reload().catch(() => undefined);
      return keys;
    },
    async createJwk(data) {
      const key = await withTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [KEY_CREATION_LOCK]);
        const live = await client.query(
          `SELECT * FROM jwks WHERE alg IS NOT DISTINCT FROM $1 AND LEAST("expiresAt", "createdAt" + make_interval(secs => $2)) > now()
           ORDER BY "createdAt" DESC LIMIT 1`,
          [data.alg ?? null, options.rotationSeconds],
        );
        if (live.rows[0]) return toKey(live.rows[0], rotationMillis);
        const inserted = await client.query(
          `INSERT INTO jwks ("publicKey", "privateKey", "createdAt", "expiresAt", alg, crv)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [
            data.publicKey,
            data.privateKey,
            data.createdAt,
            data.expiresAt ?? null,
            data.alg ?? null,
            data.crv ?? null,
          ],
        );
        return toKey(inserted.rows[0], rotationMillis);
      });
      await reload();
      return key;
    },
    reload,
  };
}

async function selectKeys(pool: pg.Pool, rotationMillis: number): Promise<StoredKey[]> {
  const { rows } = await pool.query(`SELECT * FROM jwks ORDER BY "createdAt"`);
  return rows.map((row) => toKey(row, rotationMillis));
}

function effectiveExpiry(row: Record<string, unknown>, rotationMillis: number): Date {
  const byPolicy = (row.createdAt as Date).getTime() + rotationMillis;
  const stored = row.expiresAt ? (row.expiresAt as Date).getTime() : Number.POSITIVE_INFINITY;
  return new Date(Math.min(stored, byPolicy));
}

function toKey(row: Record<string, unknown>, rotationMillis: number): StoredKey {
  return {
    id: String(row.id),
    publicKey: String(row.publicKey),
    privateKey: String(row.privateKey),
    createdAt: row.createdAt as Date,
    expiresAt: effectiveExpiry(row, rotationMillis),
    ...(row.alg ? { alg: row.alg as StoredKey["alg"] } : {}),
    ...(row.crv ? { crv: row.crv as StoredKey["crv"] } : {}),
  };
}
