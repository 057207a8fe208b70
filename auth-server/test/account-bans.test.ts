import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "./support/auth-server-under-test.js";

describe("sign-up without required verification, and banned users", () => {
  let underTest: AuthServerUnderTest;
  let pool: pg.Pool;
  let environment: AuthServerUnderTest["environment"];
  let server: RunningAuthServer;

  const post = (path: string, body: object) =>
    fetch(`${server.url}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: environment.env.WEBSITE_URL as string },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest({
      REQUIRE_EMAIL_VERIFICATION: "false",
      RATE_LIMIT_ENABLED: "false",
    });
    ({ server, pool, environment } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it("signs the new user in at sign-up when verification is not required", async () => {
    const response = await post("/sign-up/email", {
      email: "sam@example.com",
      password: "password 123",
      name: "Sam",
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join()).toMatch(/better-auth\.session_token=[^;]+/);
  });

  it("refuses sign-in to a banned user, as a migrated ban sets it", async () => {
    await pool.query(`UPDATE "user" SET banned = true, "banReason" = 'spam' WHERE email = 'sam@example.com'`);
    const response = await post("/sign-in/email", { email: "sam@example.com", password: "password 123" });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "BANNED_USER" });
  });

  it("lets the user back in once a temporary ban has expired", async () => {
    await pool.query(
      `UPDATE "user" SET "banExpires" = now() - interval '1 minute' WHERE email = 'sam@example.com'`,
    );
    const response = await post("/sign-in/email", { email: "sam@example.com", password: "password 123" });
    expect(response.status).toBe(200);
  });
});
