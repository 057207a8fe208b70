import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { inHashingSlot } from "./hashing-slots.js";

// Better Auth's default parameters and `saltHex:keyHex` format (@better-auth/utils/password), so hashes made by
// either side verify on the other: https://www.better-auth.com/docs/concepts/email-password
const N = 16_384;
const r = 16;
const p = 1;
const KEY_LENGTH = 64;
// scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly that and fails, so allow twice it.
const MAX_MEMORY = 128 * N * r * 2;

function deriveKey(password: string, salt: string): Promise<Buffer> {
  return inHashingSlot(() => derive(password, salt));
}

function derive(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Better Auth normalises to NFKC and uses the salt's hex text (not its bytes) as the salt.
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password in Better Auth's default scrypt format, on libuv's thread pool (off the event loop). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16).toString("hex");
  const key = await deriveKey(password, salt);
  return `${salt}:${key.toString("hex")}`;
}

/** True when `password` matches a Better Auth default scrypt hash; compares in constant time. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const [salt, keyHex] = hash.split(":");
  if (!salt || !keyHex || keyHex.length !== KEY_LENGTH * 2) return false;
  const expected = Buffer.from(keyHex, "hex");
  const actual = await deriveKey(password, salt);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
