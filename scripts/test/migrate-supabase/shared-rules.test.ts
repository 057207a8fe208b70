import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailCollation, hasText, lowerEmail } from "../../src/migrate-supabase/shared-rules.js";

// The SQL rules stand in for what Better Auth and a person would expect in JavaScript: an e-mail Better Auth
// lower-cases with toLowerCase() at sign-in, a name that JavaScript's trim() would leave empty. Run in PostgreSQL
// on the strings where locales and engines differ.
describe("the text rules both databases apply (shared-rules.ts)", () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    pool.on("error", () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("lower-cases e-mails as JavaScript does, letters outside ASCII included", async () => {
    const collation = await emailCollation(pool);
    expect(collation).toBe('"und-x-icu"');
    const emails = [
      "Alice.Smith@Example.COM",
      "ÅSA@EXEMPEL.SE",
      "ΣΟΦΙΑ@example.gr",
      "İpek@Example.com",
      "ÐÓRA@Ísland.is",
    ];
    const { rows } = await pool.query<{ lowered: string[] }>(
      `SELECT array_agg(${lowerEmail("e", collation)} ORDER BY n) AS lowered
         FROM unnest($1::text[]) WITH ORDINALITY AS t(e, n)`,
      [emails],
    );
    expect(rows[0]?.lowered).toEqual(emails.map((email) => email.toLowerCase()));
  });

  it("finds text exactly where JavaScript finds a character that is not white space", async () => {
    const samples = [
      "",
      " ",
      "\t\n\v\f\r",
      "\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff",
      "\u200b", // zero-width space: not white space to JavaScript
      " a ",
      "\u3000名\u3000",
      "x",
    ];
    const { rows } = await pool.query<{ found: boolean[] }>(
      `SELECT array_agg(${hasText("s")} ORDER BY n) AS found FROM unnest($1::text[]) WITH ORDINALITY AS t(s, n)`,
      [samples],
    );
    expect(rows[0]?.found).toEqual(samples.map((sample) => /\S/.test(sample)));
  });
});
