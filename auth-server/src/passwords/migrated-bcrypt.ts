import { verify } from "@node-rs/bcrypt";
import { inHashingSlot } from "./hashing-slots.js";

// What counts as bcrypt, and which hashes are verified (well formed, cost 4–12), is defined once in
// migrations/src/bcrypt-hash.ts, shared with the Supabase migration that imports these hashes.
export { claimsBcrypt, isUsableBcryptHash } from "@textbook/migrations/bcrypt-hash";

/**
 * True when `password` matches a usable bcrypt hash. Native bcrypt (@node-rs/bcrypt) on libuv's pool, in the
 * same bounded slots as scrypt, so a burst of migrated users signing in never stalls the event loop.
 */
export function verifyBcrypt(hash: string, password: string): Promise<boolean> {
  return inHashingSlot(() => verify(password, hash));
}
