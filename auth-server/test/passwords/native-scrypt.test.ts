import { hashPassword as betterAuthHash, verifyPassword as betterAuthVerify } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/passwords/native-scrypt.js";

describe("the native scrypt password hash", () => {
  it("verifies a hash made by Better Auth's default hasher", async () => {
    const hash = await betterAuthHash("Straße über 8 Zeichen");
    expect(await verifyPassword(hash, "Straße über 8 Zeichen")).toBe(true);
    expect(await verifyPassword(hash, "Strasse über 8 Zeichen")).toBe(false);
  });

  it("makes hashes that Better Auth's default verifier accepts", async () => {
    const hash = await hashPassword("Straße über 8 Zeichen");
    expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await betterAuthVerify({ hash, password: "Straße über 8 Zeichen" })).toBe(true);
    expect(await betterAuthVerify({ hash, password: "wrong password" })).toBe(false);
  });

  it("treats a malformed stored hash as a wrong password instead of failing", async () => {
    expect(await verifyPassword("not-a-hash", "anything at all")).toBe(false);
  });
});
