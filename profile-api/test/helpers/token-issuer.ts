import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";

export const ISSUER = "http://auth.test";
export const AUDIENCE = "http://profile-api.test";

/** A stand-in for the auth-server: a real RSA key pair and its JWKS over real HTTP. */
export interface TokenIssuer {
  jwksUrl: string;
  kid: string;
  /** Requests the JWKS endpoint has answered. */
  readonly jwksRequests: number;
  /** An RS256 token as the auth-server would issue it; `claims` and `header` override (undefined: remove) the defaults. */
  sign(claims?: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  publicJwk: JWK;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  let jwksRequests = 0;
  let port = 0;
  let server: Server | undefined;

  const start = async () => {
    if (server) return;
    server = createServer((_request, response) => {
      jwksRequests++;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve, reject) => {
      server?.once("error", reject);
      server?.listen(port, "127.0.0.1", resolve);
    });
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    running?.closeAllConnections();
    await new Promise<void>((resolve) => (running ? running.close(() => resolve()) : resolve()));
  };
  await start();

  return {
    jwksUrl: `http://127.0.0.1:${port}/api/auth/jwks`,
    kid,
    get jwksRequests() {
      return jwksRequests;
    },
    publicJwk,
    privateKey,
    sign: (claims = {}, header = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: ISSUER,
        aud: AUDIENCE,
        sub: randomUUID(),
        iat: now,
        exp: now + 15 * 60,
        email: "learner@example.com",
        name: "Learner",
        emailVerified: true,
        ...claims,
      };
      // A claim given as undefined is left out of the token.
      for (const key of Object.keys(payload)) if (payload[key] === undefined) delete payload[key];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT", ...header })
        .sign(privateKey);
    },
    stop,
    start,
  };
}
