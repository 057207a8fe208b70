import { hash as bcryptHash } from "@node-rs/bcrypt";
import { describe, expect, it } from "vitest";
import { isUsableBcryptHash as isBcryptHash } from "../../src/passwords/migrated-bcrypt.js";
import { passwordHashing } from "../../src/passwords/password-hashing.js";

describe("password verification", () => {
  it.each(["$2a$", "$2b$", "$2y$"])(
    "accepts a %s bcrypt hash for the right password only",
    async (prefix) => {
      const hash = (await bcryptHash("migrated secret", 4)).replace(/^\$2b\$/, prefix);
      expect(isBcryptHash(hash)).toBe(true);
      expect(await passwordHashing.verify({ hash, password: "migrated secret" })).toBe(true);
      expect(await passwordHashing.verify({ hash, password: "migrated secreT" })).toBe(false);
    },
  );

  it("never makes a bcrypt hash for a new password", async () => {
    expect(isBcryptHash(await passwordHashing.hash("a new password"))).toBe(false);
  });
});
