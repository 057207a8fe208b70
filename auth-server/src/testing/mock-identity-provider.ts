import { OAuth2Server } from "oauth2-mock-server";

/** What the mock provider says about the person signing in (OpenID Connect standard claims). */
export interface MockIdentity {
  sub: string;
  email: string;
  name: string;
  /** The provider's `email_verified` claim; left out of the tokens when undefined. */
  email_verified?: boolean | undefined;
}

/** oauth2-mock-server as an OpenID provider whose next sign-ins are `identity`. */
export interface MockIdentityProvider {
  server: OAuth2Server;
  discoveryUrl: string;
  /** Every later sign-in (ID token, access token and userinfo) is this person, until the next call. */
  signInAs(identity: MockIdentity): void;
  stop(): Promise<void>;
}

/** Starts oauth2-mock-server on 127.0.0.1 with a fresh RS256 key. */
export async function startMockIdentityProvider(): Promise<MockIdentityProvider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  await server.start(0, "127.0.0.1");
  return {
    server,
    discoveryUrl: `${server.issuer.url}/.well-known/openid-configuration`,
    signInAs(identity) {
      const claims = Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== undefined));
      // Both the access token and the ID token pass through this hook, so it stays on for the whole flow.
      server.service.removeAllListeners("beforeTokenSigning");
      server.service.removeAllListeners("beforeUserinfo");
      server.service.on("beforeTokenSigning", (token) => Object.assign(token.payload, claims));
      server.service.on("beforeUserinfo", (response) => {
        response.body = claims;
      });
    },
    stop: () => server.stop(),
  };
}
