import { createPublicKey, type JsonWebKey, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  json,
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
} from "../helpers/profile-api-under-test.js";

let api: ProfileApiUnderTest;
let user: { id: string; token: string };
const attackerServer = { requests: 0, url: "", close: async () => {} };
let attacker: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  api = await startProfileApiUnderTest();
  user = await api.createUser();
  attacker = await generateKeyPair("RS256", { extractable: true });
  // A server the attacker controls, serving the attacker's key: the API must never call it.
  const attackerJwk = { ...(await exportJWK(attacker.publicKey)), kid: "attacker", alg: "RS256" };
  const server = createServer((_request, response) => {
    attackerServer.requests++;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ keys: [attackerJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  attackerServer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  attackerServer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await attackerServer.close();
  await api?.close();
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

function claimsFor(sub: string) {
  return { iss: "http://auth.test", aud: "http://profile-api.test", sub, iat: now(), exp: now() + 900 };
}

async function expectRefused(authorization: string, error = "invalid_token") {
  const response = await fetch(`${api.url}/v1/profiles/me`, { headers: { authorization } });
  if (response.status === 431) return;
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe(`Bearer error="${error}"`);
  expect(await json(response)).toEqual({
    error: "unauthorized",
    message: expect.any(String),
    requestId: expect.any(String),
  });
}

describe("tokens the profile-api refuses with 401, never a 500", () => {
  it("accepts the real token it is compared against (control)", async () => {
    const response = await api.call("/v1/profiles/me", user.token);
    expect(response.status).toBe(404);
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const token = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claimsFor(user.id))}.`;
    await expectRefused(`Bearer ${token}`);
  });

  it("refuses a token signed with the public key as an HMAC secret (HS256)", async () => {
    const pem = createPublicKey({ key: api.issuer.publicJwk as JsonWebKey, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    const token = await new SignJWT(claimsFor(user.id))
      .setProtectedHeader({ alg: "HS256", kid: api.issuer.kid })
      .sign(new TextEncoder().encode(pem));
    await expectRefused(`Bearer ${token}`);
  });

  it("refuses a token signed by a foreign key that reuses the real kid", async () => {
    const token = await new SignJWT(claimsFor(user.id))
      .setProtectedHeader({ alg: "RS256", kid: api.issuer.kid })
      .sign(attacker.privateKey);
    await expectRefused(`Bearer ${token}`);
  });

  it("refuses an expired token", async () => {
    await expectRefused(
      `Bearer ${await api.issuer.sign({ sub: user.id, iat: now() - 1200, exp: now() - 60 })}`,
    );
  });

  it("refuses a token that is not valid yet (nbf in the future)", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: user.id, nbf: now() + 600 })}`);
  });

  it("refuses a token issued in the future (iat)", async () => {
    await expectRefused(
      `Bearer ${await api.issuer.sign({ sub: user.id, iat: now() + 600, exp: now() + 1500 })}`,
    );
  });

  it("refuses a token older than the maximum token age, even if its exp is far away", async () => {
    await expectRefused(
      `Bearer ${await api.issuer.sign({ sub: user.id, iat: now() - 3600, exp: now() + 3600 })}`,
    );
  });

  it("refuses a token without exp", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: user.id, exp: undefined })}`);
  });

  it("refuses a token from another issuer", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: user.id, iss: "http://evil.test" })}`);
  });

  it("refuses a token meant for another audience", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: user.id, aud: "http://other-api.test" })}`);
  });

  it("refuses a token without sub", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: undefined })}`);
  });

  it("refuses a token whose sub is not a UUID", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: "admin" })}`);
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: `${user.id} OR 1=1` })}`);
  });

  it("refuses a token whose jku header points elsewhere, and never fetches from there", async () => {
    for (const kid of ["attacker", api.issuer.kid]) {
      const token = await new SignJWT(claimsFor(user.id))
        .setProtectedHeader({ alg: "RS256", kid, jku: attackerServer.url })
        .sign(attacker.privateKey);
      await expectRefused(`Bearer ${token}`);
    }
    const x5u = await new SignJWT(claimsFor(user.id))
      .setProtectedHeader({ alg: "RS256", kid: "attacker", x5u: attackerServer.url })
      .sign(attacker.privateKey);
    await expectRefused(`Bearer ${x5u}`);
    expect(attackerServer.requests).toBe(0);
  });

  it("refuses a token that carries its own key in a jwk header", async () => {
    const jwk = await exportJWK(attacker.publicKey);
    const token = await new SignJWT(claimsFor(user.id))
      .setProtectedHeader({ alg: "RS256", jwk })
      .sign(attacker.privateKey);
    await expectRefused(`Bearer ${token}`);
  });

  it("refuses a real token whose jku header the auth-server would never set, even when signed by it", async () => {
    await expectRefused(`Bearer ${await api.issuer.sign({ sub: user.id }, { jku: attackerServer.url })}`);
    expect(attackerServer.requests).toBe(0);
  });

  it("refuses a truncated token", async () => {
    await expectRefused(`Bearer ${user.token.slice(0, -12)}`);
    await expectRefused(`Bearer ${user.token.split(".").slice(0, 2).join(".")}`);
  });

  it("refuses garbage", async () => {
    await expectRefused("Bearer abc.def.ghi");
    await expectRefused("Bearer ====", "invalid_request");
    await expectRefused(`Bearer ${Buffer.from(randomUUID()).toString("base64")}`);
    await expectRefused("Bearer !!!.@@@.###", "invalid_request");
  });

  it("refuses a 100 KB token (401, or 431 before the headers are read)", async () => {
    await expectRefused(`Bearer ${"a".repeat(100 * 1024)}`);
    await expectRefused(`Bearer ${"a".repeat(12 * 1024)}`);
  });

  it("refuses Bearer without a token, and other schemes", async () => {
    await expectRefused("Bearer", "invalid_request");
    await expectRefused("Bearer ", "invalid_request");
    await expectRefused("Basic dXNlcjpwYXNzd29yZA==", "invalid_request");
    await expectRefused(user.token, "invalid_request");
  });

  it("answers a request without credentials with invalid_request", async () => {
    const response = await fetch(`${api.url}/v1/profiles/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_request"');
  });

  it("still serves the real token after all of the above", async () => {
    expect((await api.call("/v1/profiles/me", user.token)).status).toBe(404);
  });
});
