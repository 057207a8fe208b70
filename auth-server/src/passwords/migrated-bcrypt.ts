import { verify } from "@node-rs/bcrypt";
import { inHashingSlot } from "./hashing-slots.js";

// Supabase Auth stores bcrypt hashes, cost 10 (https://supabase.com/docs/guides/auth/passwords): a version, a
// two-digit cost, then 22 characters of salt and 31 of hash in bcrypt's base64 alphabet, 60 characters in all.
const BCRYPT_PREFIX = /^\$2[abxy]?\$/;
const BCRYPT_SHAPE = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;

/**
 * The highest cost verified. Each step doubles the work: cost 12 takes ~250 ms of a core, cost 20 a minute, and
 * a stored hash with an absurd cost would let any password attempt burn a hashing slot for that long.
 */
export const MAX_BCRYPT_COST = 12;
const MIN_BCRYPT_COST = 4;

/** True for a stored password that claims to be bcrypt (`$2…$`), usable or not. */
export function claimsBcrypt(hash: string): boolean {
  return BCRYPT_PREFIX.test(hash);
}

/** Why a bcrypt-looking hash cannot be verified ("malformed", "cost 31 above 12"), or undefined when it can. */
export function bcryptProblem(hash: string): string | undefined {
  const match = BCRYPT_SHAPE.exec(hash);
  if (!match) return "malformed";
  const cost = Number(match[1]);
  if (cost < MIN_BCRYPT_COST) return `cost ${cost} below ${MIN_BCRYPT_COST}`;
  if (cost > MAX_BCRYPT_COST) return `cost ${cost} above ${MAX_BCRYPT_COST}`;
  return undefined;
}

/** True for a bcrypt hash this server verifies: well formed, cost 4–12. */
export function isUsableBcryptHash(hash: string): boolean {
  return claimsBcrypt(hash) && bcryptProblem(hash) === undefined;
}

/**
 * True when `password` matches a usable bcrypt hash. Native bcrypt (@node-rs/bcrypt) on libuv's pool, in the
 * same bounded slots as scrypt, so a burst of migrated users signing in never stalls the event loop.
 */
export function verifyBcrypt(hash: string, password: string): Promise<boolean> {
  return inHashingSlot(() => verify(password, hash));
}
