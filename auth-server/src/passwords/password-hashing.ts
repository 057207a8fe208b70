import bcrypt from "bcryptjs";
import { hashPassword, verifyPassword } from "./native-scrypt.js";

// Supabase Auth stores bcrypt hashes (cost 10): https://supabase.com/docs/guides/auth/passwords
const BCRYPT_PREFIX = /^\$2[aby]\$\d{2}\$/;

/** True for a bcrypt hash, the format of passwords migrated from Supabase. */
export function isBcryptHash(hash: string): boolean {
  return BCRYPT_PREFIX.test(hash) && hash.length === 60;
}

/** Better Auth's `emailAndPassword.password` option shape. */
export interface PasswordHashing {
  hash(password: string): Promise<string>;
  verify(input: { hash: string; password: string }): Promise<boolean>;
}

/**
 * Better Auth's `emailAndPassword.password` option: new hashes are always native scrypt; stored bcrypt hashes
 * still verify (sign-in then replaces them, see rehash-migrated-password.ts).
 */
export const passwordHashing: PasswordHashing = {
  hash: hashPassword,
  verify: async ({ hash, password }: { hash: string; password: string }): Promise<boolean> => {
    if (isBcryptHash(hash)) return bcrypt.compare(password, hash);
    return verifyPassword(hash, password);
  },
};
