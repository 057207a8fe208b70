import { claimsBcrypt, isUsableBcryptHash, verifyBcrypt } from "./migrated-bcrypt.js";
import { hashPassword, verifyPassword } from "./native-scrypt.js";

/** Better Auth's `emailAndPassword.password` option shape. */
export interface PasswordHashing {
  hash(password: string): Promise<string>;
  verify(input: { hash: string; password: string }): Promise<boolean>;
}

// A hash of nothing anyone types, verified in place of a stored hash that cannot be verified: the attempt then
// costs what a wrong password costs, so neither the answer nor its timing tells such an account apart.
let decoy: Promise<string> | undefined;
const decoyHash = () => {
  decoy ??= hashPassword(`decoy ${Math.random()}`);
  return decoy;
};

/**
 * Better Auth's `emailAndPassword.password` option: new hashes are always native scrypt; stored bcrypt hashes
 * (users migrated from Supabase) still verify, natively and off the event loop (sign-in then replaces them, see
 * rehash-migrated-password.ts). A malformed bcrypt hash, or one with a cost above 12, fails like a wrong password.
 */
export const passwordHashing: PasswordHashing = {
  hash: hashPassword,
  verify: async ({ hash, password }: { hash: string; password: string }): Promise<boolean> => {
    if (isUsableBcryptHash(hash)) return verifyBcrypt(hash, password);
    if (claimsBcrypt(hash)) {
      await verifyPassword(await decoyHash(), password);
      return false;
    }
    return verifyPassword(hash, password);
  },
};
