import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthServer } from "../src/testing/start-auth-server.js";
import { createTestClient } from "./support/auth-client.js";
import { testEnvironment } from "./support/test-environment.js";

describe("an account without e-mail verification", () => {
  let database: TestDatabase;
  let environment: ReturnType<typeof testEnvironment>;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    environment = testEnvironment(database.url, { REQUIRE_EMAIL_VERIFICATION: "false" });
    server = await startAuthServer(environment.env);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    environment?.remove();
  });

  it("signs up, gets a session and an RS256 JWT that verifies against the served JWKS", async () => {
    const { client } = createTestClient(server.url, environment.env.WEBSITE_URL as string);
    const signUp = await client.signUp.email({
      email: "ada@example.com",
      password: "correct horse 1",
      name: "Ada",
    });
    expect(signUp.error).toBeNull();
    const session = await client.getSession();
    expect(session.data?.user.email).toBe("ada@example.com");

    const { data } = await client.token();
    const token = data?.token as string;
    expect(decodeProtectedHeader(token).alg).toBe("RS256");
    const jwks = createRemoteJWKSet(new URL(`${server.url}/api/auth/jwks`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      algorithms: ["RS256"],
      issuer: server.url,
      audience: "http://localhost:4199",
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload.sub).toBe(session.data?.user.id);
    expect(Object.keys(payload).sort()).toEqual([
      "aud",
      "email",
      "emailVerified",
      "exp",
      "iat",
      "iss",
      "name",
      "sub",
    ]);
    expect((payload.exp as number) - (payload.iat as number)).toBe(15 * 60);
  });
});
