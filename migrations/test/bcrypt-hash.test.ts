import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BCRYPT_CLAIM_SOURCE, bcryptProblem, claimsBcrypt, isUsableBcryptHash } from "../src/bcrypt-hash.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database.js";

const SALT_AND_HASH = "abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
const SUPABASE_HASH = `$2a$10$${SALT_AND_HASH}`;

// Stored passwords of every kind the platform meets, and whether each claims to be bcrypt.
const STORED: [string, boolean][] = [
  [SUPABASE_HASH, true],
  [`$2b$04$${SALT_AND_HASH}`, true],
  [`$2y$12$${SALT_AND_HASH}`, true],
  [`$2x$10$${SALT_AND_HASH}`, true],
  [`$2$10$${SALT_AND_HASH}`, true],
  [`$2a$10$${"!".repeat(53)}`, true],
  ["$2a$10$tampered", true],
  ["", false],
  ["$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", false],
  ["0f1e2d3c4b5a69788796a5b4c3d2e1f0:9a8b7c6d5e4f30211203f4e5d6c7b8a9", false],
  ["2a$10$no-leading-dollar", false],
  ["x$2a$10$prefixed", false],
];

describe("the one definition of a bcrypt hash", () => {
  it.each(STORED)("decides whether %j claims to be bcrypt", (hash, claims) => {
    expect(claimsBcrypt(hash)).toBe(claims);
  });

  it("treats a missing password as no bcrypt hash", () => {
    expect(claimsBcrypt(null)).toBe(false);
  });

  it("verifies Supabase's own hashes and costs 4 to 12 only", () => {
    expect(isUsableBcryptHash(SUPABASE_HASH)).toBe(true);
    expect(bcryptProblem(`$2b$04$${SALT_AND_HASH}`)).toBeUndefined();
    expect(bcryptProblem(`$2y$12$${SALT_AND_HASH}`)).toBeUndefined();
    expect(bcryptProblem(`$2a$03$${SALT_AND_HASH}`)).toEqual({ kind: "cost", cost: 3 });
    expect(bcryptProblem(`$2a$31$${SALT_AND_HASH}`)).toEqual({ kind: "cost", cost: 31 });
    expect(isUsableBcryptHash(`$2a$31$${SALT_AND_HASH}`)).toBe(false);
  });

  it("finds a malformed hash: a variant libraries disagree on, a short hash, characters outside bcrypt's base64", () => {
    for (const hash of [`$2x$10$${SALT_AND_HASH}`, "$2a$10$tampered", `$2a$10$${"!".repeat(53)}`]) {
      expect(bcryptProblem(hash)).toEqual({ kind: "malformed" });
      expect(isUsableBcryptHash(hash)).toBe(false);
    }
  });

  describe("in PostgreSQL", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase({ migrated: false });
    });
    afterAll(() => database.drop());

    it("matches exactly the hashes JavaScript matches when given as a parameter to ~", async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ hash: string; claims: boolean }>(
          "SELECT hash, hash ~ $2 AS claims FROM json_array_elements_text($1::json) AS h(hash)",
          [JSON.stringify(STORED.map(([hash]) => hash)), BCRYPT_CLAIM_SOURCE],
        );
        expect(rows.map((row) => [row.hash, row.claims])).toEqual(STORED);
      } finally {
        await client.end();
      }
    });
  });
});
