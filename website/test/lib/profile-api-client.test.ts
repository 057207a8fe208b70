import { afterEach, describe, expect, it } from "vitest";
import { createProfileApiClient } from "../../src/lib/profile-api-client.js";
import { createTokenSource } from "../../src/lib/token-source.js";
import { fakeJwt, startHttpServer, type TestServer } from "../helpers/http-server.js";

const PROFILE = {
  displayName: "Ada",
  avatarUrl: null,
  softwareBackground: "beginner",
  hardwareBackground: "none",
  programmingLanguages: ["Python"],
  roboticsExperience: null,
  learningGoals: null,
  preferredLanguage: "en",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

/**
 * A token endpoint and a profile endpoint, like the auth-server and the profile-api: tokens expire
 * `lifetimeSeconds` after issue, and the profile endpoint accepts only tokens in `accepted`.
 */
async function startServices(options: { lifetimeSeconds?: number; acceptNewTokens?: boolean } = {}) {
  const issued: string[] = [];
  const accepted = new Set<string>();
  const seen: (string | undefined)[] = [];
  const auth = await startHttpServer((_request, response) => {
    const token = fakeJwt(Math.floor(Date.now() / 1000) + (options.lifetimeSeconds ?? 900), issued.length);
    issued.push(token);
    if (options.acceptNewTokens !== false) accepted.add(token);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ token }));
  });
  const api = await startHttpServer((request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, "");
    seen.push(token);
    response.setHeader("content-type", "application/json");
    if (!token || !accepted.has(token)) {
      response.statusCode = 401;
      response.end(
        JSON.stringify({ error: "unauthorized", message: "The token is not valid.", requestId: "r1" }),
      );
      return;
    }
    response.setHeader("etag", '"1"');
    response.end(JSON.stringify(PROFILE));
  });
  const tokens = createTokenSource({
    fetchToken: async () => ((await (await fetch(auth.url)).json()) as { token: string }).token,
  });
  return { issued, accepted, seen, client: createProfileApiClient(api.url, tokens), servers: [auth, api] };
}

let running: TestServer[] = [];
afterEach(async () => {
  await Promise.all(running.map((server) => server.close()));
  running = [];
});

describe("the profile-api client", () => {
  it("reuses one token for every request while it is far from expiry", async () => {
    const services = await startServices();
    running = services.servers;
    for (let i = 0; i < 3; i++) await services.client.getProfile();
    expect(services.issued).toHaveLength(1);
    expect(services.seen).toEqual([services.issued[0], services.issued[0], services.issued[0]]);
  });

  it("fetches a new token when the cached one is about to expire", async () => {
    const services = await startServices({ lifetimeSeconds: 10 });
    running = services.servers;
    await services.client.getProfile();
    await services.client.getProfile();
    expect(services.issued).toHaveLength(2);
  });

  it("shares one token fetch between concurrent requests", async () => {
    const services = await startServices();
    running = services.servers;
    await Promise.all([
      services.client.getProfile(),
      services.client.getProfile(),
      services.client.getProfile(),
    ]);
    expect(services.issued).toHaveLength(1);
  });

  it("retries once with a fresh token when the profile-api refuses the cached one", async () => {
    const services = await startServices();
    running = services.servers;
    await services.client.getProfile();
    const [first] = services.issued;
    services.accepted.delete(first as string); // as after a key rotation or a revoked session
    const result = await services.client.getProfile();
    expect(result).toEqual({ profile: PROFILE, etag: '"1"' });
    expect(services.seen.slice(-2)).toEqual([first, services.issued[1]]);
  });

  it("reports a second 401 as the contract's unauthorized error instead of retrying forever", async () => {
    const services = await startServices({ acceptNewTokens: false });
    running = services.servers;
    await expect(services.client.getProfile()).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    expect(services.seen).toHaveLength(2);
  });

  it("reports an unreachable profile-api as service_unavailable", async () => {
    const services = await startServices();
    running = services.servers;
    await services.servers[1]?.close();
    running = services.servers.slice(0, 1);
    await expect(services.client.getProfile()).rejects.toMatchObject({ code: "service_unavailable" });
  });
});

describe("the profile-api client's errors", () => {
  it("carry the contract's code, status and per-field details, so forms can show them next to the field", async () => {
    const api = await startHttpServer((_request, response) => {
      response.statusCode = 400;
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          error: "validation_failed",
          message: "The profile is not valid.",
          requestId: "r2",
          details: [{ field: "displayName", message: "must not be empty" }],
        }),
      );
    });
    running = [api];
    const client = createProfileApiClient(
      api.url,
      createTokenSource({ fetchToken: async () => fakeJwt(0, 1) }),
    );
    const failure = await client.patchProfile({ displayName: "" }, '"1"').catch((error: unknown) => error);
    expect(failure).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "The profile is not valid.",
      details: [{ field: "displayName", message: "must not be empty" }],
    });
  });
});
