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

/** The benchmark's variants, in the order the first round measures them. */
export const HASHER_NAMES = ["better-auth-pure-js", "better-auth-default", "project-native"] as const;
export type HasherName = (typeof HASHER_NAMES)[number];

/** The password hashing each benchmark variant runs with. */
export async function hasher(name: HasherName): Promise<PasswordHashing> {
  if (name === "better-auth-default") return { hash: hashPassword, verify: verifyPassword };
  if (name === "better-auth-pure-js") return pureJsHashing();
  return passwordHashing;
}
