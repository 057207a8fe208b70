import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient } from "./support/auth-client.js";
import { type AuthServerUnderTest, startAuthServerUnderTest } from "./support/auth-server-under-test.js";

// Each case: the fields sent besides a valid e-mail and password, and the field the 400 must name.
const HOSTILE_SIGN_UPS: [string, Record<string, unknown>, string][] = [
  ["an empty name", { name: "" }, "name"],
  ["a name of spaces only", { name: "   " }, "name"],
  ["a name of 121 characters", { name: "n".repeat(121) }, "name"],
  ["a name with a control character", { name: "Ada\u0007" }, "name"],
  ["a name with a NUL", { name: "Ada\u0000Lovelace" }, "name"],
  ["a name with a lone surrogate", { name: "Ada \ud800" }, "name"],
  ["an image over http", { name: "Ada", image: "http://cdn.example.com/a.png" }, "image"],
  ["a javascript: image", { name: "Ada", image: "javascript:alert(1)" }, "image"],
  [
    "an image over 2048 characters",
    { name: "Ada", image: `https://cdn.example.com/${"a".repeat(2030)}` },
    "image",
  ],
  ["an image with a NUL", { name: "Ada", image: "https://cdn.example.com/\u0000.png" }, "image"],
  ["a password with a NUL", { name: "Ada", password: "long enough\u0000" }, "password"],
];

describe("names, images and text PostgreSQL cannot store, on sign-up and update-user", () => {
  let pool: pg.Pool;
  let server: AuthServerUnderTest["server"];
  let underTest: AuthServerUnderTest;
  let website: string;
  let count = 0;

  const signUp = (fields: Record<string, unknown>) => {
    count++;
    return fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: website },
      body: JSON.stringify({ email: `learner-${count}@example.com`, password: "long enough 1", ...fields }),
    });
  };
  const storedUser = async (email: string) =>
    (await pool.query(`SELECT name, image FROM "user" WHERE email = $1`, [email])).rows[0];

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest({
      RATE_LIMIT_ENABLED: "false",
      REQUIRE_EMAIL_VERIFICATION: "false",
    });
    ({ server, pool, website } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it.each(HOSTILE_SIGN_UPS)(
    "answers a sign-up with %s with 400 naming the field, and creates no user",
    async (_c, fields, field) => {
      const response = await signUp(fields);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; message: string };
      expect(body).toEqual({ code: "VALIDATION_ERROR", message: expect.stringContaining(`[body.${field}]`) });
      expect(await storedUser(`learner-${count}@example.com`)).toBeUndefined();
    },
  );

  it("stores a name without its surrounding spaces, 120 characters of emoji included, and an https image", async () => {
    const name = "🤖".repeat(120);
    expect((await signUp({ name: `  ${name}\t`, image: "https://cdn.example.com/a.png" })).status).toBe(200);
    expect(await storedUser(`learner-${count}@example.com`)).toEqual({
      name,
      image: "https://cdn.example.com/a.png",
    });
  });

  it("applies the same rules to update-user, and keeps the stored name when a change is refused", async () => {
    const { client } = createTestClient(server.url, website);
    await client.signUp.email({ email: "updater@example.com", password: "long enough 1", name: "Updater" });
    for (const [fields, field] of [
      [{ name: "" }, "name"],
      [{ name: "Up\u0000dater" }, "name"],
      [{ name: "\udc00" }, "name"],
      [{ image: "http://cdn.example.com/u.png" }, "image"],
    ] as const) {
      const { error } = await client.updateUser(fields);
      expect(error, JSON.stringify(fields)).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
      expect(error?.message).toContain(`[body.${field}]`);
    }
    expect(await storedUser("updater@example.com")).toEqual({ name: "Updater", image: null });
    expect((await client.updateUser({ name: "  Renamed ", image: null })).error).toBeNull();
    expect(await storedUser("updater@example.com")).toEqual({ name: "Renamed", image: null });
  });
});
