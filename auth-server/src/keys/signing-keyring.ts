import type { SecretConfig } from "better-auth/crypto";
import type pg from "pg";
import { generateSigningKey } from "./generate-signing-key.js";
import { insertKeyOnce, selectKeys } from "./jwks-table.js";
import type { StoredKey } from "./stored-key.js";

export type { StoredKey } from "./stored-key.js";

/** The signing keys, cached in memory and created in the database one at a time across all instances. */
export interface SigningKeyring {
  /** The keys Better Auth may sign with (a pre-published successor stays hidden until its time). */
  getJwks(): Promise<StoredKey[]>;
  /** Every key, including a successor that is published ahead of its use; for the JWKS. */
  publishedKeys(): Promise<StoredKey[]>;
  /** Stores a new key unless another instance already stored one for now, which is returned instead. */
  createJwk(data: Omit<StoredKey, "id">): Promise<StoredKey>;
  /**
   * Reloads the keys, makes a key that signs now if none does (after `keys rotate` or `keys revoke`), and
   * publishes the next key once the current one nears its end.
   */
  maintain(): Promise<void>;
  /** Runs `maintain` every refresh interval until `stop`. */
  start(onError: (error: unknown) => void): void;
  stop(): void;
}

export interface KeyringOptions {
  /** How often to pick up keys other instances created. */
  refreshMillis: number;
  /** Every key stops signing this long after its creation (JWT_KEY_ROTATION_INTERVAL). */
  rotationSeconds: number;
  /** Encrypts private keys as Better Auth does (see encryption-secret.ts). */
  secret: string | SecretConfig;
}

/**
 * A keyring over the `jwks` table. Rotation without rejected tokens: the successor is created (once, under a
 * lock) and published in the JWKS up to an hour before it starts signing, so every instance and every verifier
 * cache has it by then; Better Auth's lazy creation stays as the fallback for very short intervals.
 */
export function createSigningKeyring(pool: pg.Pool, options: KeyringOptions): SigningKeyring {
  const rotationMillis = options.rotationSeconds * 1000;
  const leadMillis = Math.min(rotationMillis / 2, 3_600_000);
  let keys: StoredKey[] | undefined;
  let loading: Promise<StoredKey[]> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    loading ??= selectKeys(pool, rotationMillis)
      .then((rows) => {
        keys = rows;
        return rows;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  const all = async () => keys ?? (await reload());
  const active = (list: StoredKey[], now = Date.now()) =>
    list.filter((key) => key.createdAt.getTime() <= now);

  // `npm run keys -- rotate | revoke` retire or delete keys without the secret to make a new one: whichever
  // instance maintains first makes it (once, under the lock), as Better Auth's lazy creation would at the next token.
  const replaceRetiredKey = async (list: StoredKey[]) => {
    const now = Date.now();
    const live = active(list, now).some((key) => !key.expiresAt || key.expiresAt.getTime() > now);
    if (live) return list;
    await insertKeyOnce(
      pool,
      await generateSigningKey(options.secret, new Date(now), new Date(now + rotationMillis)),
      rotationMillis,
    );
    return reload();
  };

  const publishSuccessor = async (list: StoredKey[]) => {
    const current = active(list).at(-1);
    const ends = current?.expiresAt?.getTime();
    if (!ends || Date.now() < ends - leadMillis) return;
    if (list.some((key) => key.createdAt.getTime() >= ends)) return;
    const successor = await generateSigningKey(
      options.secret,
      new Date(ends),
      new Date(ends + rotationMillis),
    );
    await insertKeyOnce(pool, successor, rotationMillis);
    await reload();
  };

  const keyring: SigningKeyring = {
    getJwks: async () => active(await all()),
    publishedKeys: all,
    async createJwk(data) {
      const key = await insertKeyOnce(pool, data, rotationMillis);
      await reload();
      return key;
    },
    async maintain() {
      await publishSuccessor(await replaceRetiredKey(await reload()));
    },
    start(onError) {
      // One run at a time: on a busy machine making a key can take longer than the period, and runs that pile up
      // would only compete for the CPU and the pool.
      let running = false;
      timer ??= setInterval(() => {
        if (running) return;
        running = true;
        keyring
          .maintain()
          .catch(onError)
          .finally(() => {
            running = false;
          });
      }, options.refreshMillis);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
  return keyring;
}
