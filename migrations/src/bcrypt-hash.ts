/**
 * The one definition of a bcrypt password hash, shared by the auth-server (which verifies such hashes at sign-in,
 * auth-server/src/passwords/migrated-bcrypt.ts) and the Supabase migration (which moves them into credential
 * accounts, warns about the ones sign-in will refuse, and tells a migrated hash from one the auth-server has since
 * upgraded to scrypt: scripts/src/migrate-supabase/). Supabase Auth stores bcrypt hashes, cost 10
 * (https://supabase.com/docs/guides/auth/passwords): a version, a two-digit cost, then 22 characters of salt and 31
 * of hash in bcrypt's base64 alphabet, 60 characters in all.
 */

/**
 * The prefix of a stored password that claims to be bcrypt (`$2$`, `$2a$`, `$2b$`, `$2x$`, `$2y$`), usable or not,
 * as a regular expression source that means the same in JavaScript and in PostgreSQL's `~` operator, so SQL can be
 * given it as a parameter instead of a copy. A scrypt hash (hex `salt:key`) never starts with `$`.
 */
export const BCRYPT_CLAIM_SOURCE = String.raw`^\$2[abxy]?\$`;

const BCRYPT_CLAIM = new RegExp(BCRYPT_CLAIM_SOURCE);

/**
 * What can be verified: 60 characters (BCRYPT_LENGTH), that is a version bcrypt libraries agree on, a two-digit cost
 * (characters 5 and 6), then 53 characters of salt and hash in bcrypt's base64 alphabet. The pattern is a regular
 * expression source that means the same in JavaScript and in PostgreSQL's `~` (ASCII classes only), which the
 * Supabase migration's SQL takes as it is; the length is checked apart, as PostgreSQL's engine runs a counted
 * repetition (`{53}`) several times slower than this.
 */
export const BCRYPT_SHAPE_SOURCE = String.raw`^\$2[aby]\$[0-9][0-9]\$[./A-Za-z0-9]*$`;
export const BCRYPT_LENGTH = 60;
const BCRYPT_SHAPE = new RegExp(BCRYPT_SHAPE_SOURCE);

/**
 * The costs the auth-server verifies. Each step doubles the work: cost 12 takes ~250 ms of a core, cost 20 a
 * minute, and a stored hash with an absurd cost would let any password attempt burn a hashing slot for that long.
 */
export const BCRYPT_COSTS = { min: 4, max: 12 } as const;

/** True for a stored password that claims to be bcrypt, usable or not. */
export function claimsBcrypt(hash: string | null): hash is string {
  return hash !== null && BCRYPT_CLAIM.test(hash);
}

/** Why a bcrypt hash cannot be verified, or undefined when it can. */
export type BcryptProblem = { kind: "malformed" } | { kind: "cost"; cost: number };

/** Why `hash` (which claims bcrypt) cannot be verified: malformed, or a cost outside BCRYPT_COSTS; else undefined. */
export function bcryptProblem(hash: string): BcryptProblem | undefined {
  if (hash.length !== BCRYPT_LENGTH || !BCRYPT_SHAPE.test(hash)) return { kind: "malformed" };
  const cost = Number(hash.slice(4, 6));
  return cost < BCRYPT_COSTS.min || cost > BCRYPT_COSTS.max ? { kind: "cost", cost } : undefined;
}

/** True for a bcrypt hash the auth-server verifies: well formed, cost within BCRYPT_COSTS. */
export function isUsableBcryptHash(hash: string): boolean {
  return claimsBcrypt(hash) && bcryptProblem(hash) === undefined;
}
