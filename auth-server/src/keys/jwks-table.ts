import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";
import { type StoredKey, toStoredKey } from "./stored-key.js";

// Any fixed 64-bit number unique to this purpose; pg_advisory_xact_lock serialises key creation across instances.
const KEY_CREATION_LOCK = 7_304_112_450_001;

/** Every key in the `jwks` table, oldest first. */
export async function selectKeys(pool: pg.Pool, rotationMillis: number): Promise<StoredKey[]> {
  const { rows } = await pool.query(`SELECT * FROM jwks ORDER BY "createdAt"`);
  return rows.map((row) => toStoredKey(row, rotationMillis));
}

/**
 * Inserts `key` unless a key of the same algorithm already signs at `key.createdAt`, in which case that one is
 * returned. Runs under an advisory lock, so instances racing to create the same key end up with exactly one.
 */
export function insertKeyOnce(
  pool: pg.Pool,
  key: Omit<StoredKey, "id">,
  rotationMillis: number,
): Promise<StoredKey> {
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [KEY_CREATION_LOCK]);
    const covering = await client.query(
      `SELECT * FROM jwks
        WHERE alg IS NOT DISTINCT FROM $1 AND "createdAt" <= $2
          AND LEAST("expiresAt", "createdAt" + make_interval(secs => $3)) > $2
        ORDER BY "createdAt" DESC LIMIT 1`,
      [key.alg ?? null, key.createdAt, rotationMillis / 1000],
    );
    if (covering.rows[0]) return toStoredKey(covering.rows[0], rotationMillis);
    const inserted = await client.query(
      `INSERT INTO jwks ("publicKey", "privateKey", "createdAt", "expiresAt", alg, crv)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [key.publicKey, key.privateKey, key.createdAt, key.expiresAt ?? null, key.alg ?? null, key.crv ?? null],
    );
    return toStoredKey(inserted.rows[0], rotationMillis);
  });
}

/**
 * Stops every key that signs now (`keys rotate`): its `expiresAt` becomes now, so it stays in the JWKS for the grace
 * period while an auth-server makes its successor. Returns the ids of the keys retired.
 */
export function retireSigningKeys(pool: pg.Pool, rotationMillis: number): Promise<string[]> {
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [KEY_CREATION_LOCK]);
    const { rows } = await client.query<{ id: string }>(
      `UPDATE jwks SET "expiresAt" = now()
        WHERE "createdAt" <= now()
          AND LEAST(COALESCE("expiresAt", 'infinity'), "createdAt" + make_interval(secs => $1)) > now()
        RETURNING id`,
      [rotationMillis / 1000],
    );
    return rows.map((row) => row.id);
  });
}

/**
 * Deletes a key, private half included (`keys revoke`): it leaves the JWKS at every auth-server's next reload.
 * Returns the deleted key, or undefined when there is none with that id.
 */
export function deleteKey(pool: pg.Pool, id: string, rotationMillis: number): Promise<StoredKey | undefined> {
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [KEY_CREATION_LOCK]);
    const { rows } = await client.query(`DELETE FROM jwks WHERE id::text = $1 RETURNING *`, [id]);
    return rows[0] ? toStoredKey(rows[0], rotationMillis) : undefined;
  });
}
