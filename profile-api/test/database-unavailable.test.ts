import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import {
  json,
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
} from "./helpers/profile-api-under-test.js";
import { startTcpProxy, type TcpProxy } from "./helpers/tcp-proxy.js";

let api: ProfileApiUnderTest;
let proxy: TcpProxy;

beforeAll(async () => {
  // The service reaches its database through a proxy the test can cut, like a network or server failure.
  const target = new URL(inject("databaseServerUrl"));
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  api = await startProfileApiUnderTest({}, (url) => {
    const proxied = new URL(url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    return proxied.toString();
  });
});
afterAll(async () => {
  await proxy?.start();
  await api?.close();
  await proxy?.stop();
});

async function waitUntilReady(): Promise<void> {
  await vi.waitFor(
    async () => expect((await fetch(`${api.url}/readyz`)).status, "the service is ready again").toBe(200),
    { timeout: 10_000, interval: 100 },
  );
}

describe("when the database goes away", () => {
  it("answers 503 database_unavailable, says so on /readyz, and recovers by itself", async () => {
    const user = await api.createUser();
    expect(
      (await api.call("/v1/profiles/me", user.token, { method: "PUT", body: '{"displayName":"Ada"}' }))
        .status,
    ).toBe(201);

    await proxy.stop();
    const failed = await api.call("/v1/profiles/me", user.token);
    expect(failed.status).toBe(503);
    expect(await json(failed)).toEqual({
      error: "database_unavailable",
      message: expect.any(String),
      requestId: failed.headers.get("x-request-id"),
    });
    const write = await api.call("/v1/profiles/me", user.token, {
      method: "PUT",
      body: '{"displayName":"Lost"}',
    });
    expect(write.status).toBe(503);
    const readiness = await fetch(`${api.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ checks: { database: "unavailable" } });
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

    await proxy.start();
    await waitUntilReady();
    const recovered = await api.call("/v1/profiles/me", user.token);
    expect(recovered.status).toBe(200);
    expect((await json(recovered)).displayName).toBe("Ada");
  });
});
