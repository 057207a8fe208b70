import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { PasswordHashing } from "../src/passwords/password-hashing.js";
import { passwordHashing } from "../src/passwords/password-hashing.js";

interface UtilsPassword {
  hashPassword(password: string): Promise<string>;
  verifyPassword(hash: string, password: string): Promise<boolean>;
}

/**
 * @better-auth/utils ships a pure-JS scrypt (@noble/hashes) for runtimes without node:crypto and picks the
 * node:crypto build through the "node" export condition. Load the pure-JS file directly to measure it.
 */
async function pureJsHashing(): Promise<PasswordHashing> {
  const nodeBuild = import.meta.resolve("@better-auth/utils/password");
  const module = (await import(nodeBuild.replace(/password\.node\.mjs$/, "password.mjs"))) as UtilsPassword;
  return {
    hash: (password) => module.hashPassword(password),
    verify: ({ hash, password }) => module.verifyPassword(hash, password),
  };
}

/** The hashers the benchmark calls directly, in the order the first round measures them. */
export const HASHER_NAMES = ["better-auth-pure-js", "better-auth-default", "project-native"] as const;
export type HasherName = (typeof HASHER_NAMES)[number];

/**
 * The product's hasher (the one the auth-server runs) or one of the two references it is compared with:
 * Better Auth 1.7's own scrypt as it runs under Node, and its pure-JS fallback.
 */
export async function hasher(name: HasherName): Promise<PasswordHashing> {
  if (name === "better-auth-default") return { hash: hashPassword, verify: verifyPassword };
  if (name === "better-auth-pure-js") return pureJsHashing();
  return passwordHashing;
}
