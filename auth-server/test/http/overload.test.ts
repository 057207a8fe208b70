import { stallEventLoopRepeatedly } from "@textbook/migrations/testing/event-loop-stalls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthServerUnderTest, startAuthServerUnderTest } from "../support/auth-server-under-test.js";

describe("when the event loop falls behind", () => {
  let underTest: AuthServerUnderTest;
  beforeAll(async () => {
    underTest = await startAuthServerUnderTest();
  });
  afterAll(() => underTest?.close());

  it("sheds load with 503 SERVICE_OVERLOADED in the error contract, while /healthz stays 200", async () => {
    const { url } = underTest.server;
    const stalls = stallEventLoopRepeatedly(1_500);
    let shed: { response: Response; health: Response } | undefined;
    // The server runs in this process: stalling this event loop is the server falling behind.
    try {
      await expect
        .poll(
          async () => {
            const [health, response] = await Promise.all([
              fetch(`${url}/healthz`),
              fetch(`${url}/api/auth/ok`),
            ]);
            if (response.status === 503) shed = { response, health };
            return response.status;
          },
          { timeout: 20_000, interval: 10 },
        )
        .toBe(503);
    } finally {
      await stalls.stop();
    }
    if (!shed) throw new Error("no request was shed");
    expect(shed.health.status).toBe(200);
    expect(shed.response.headers.get("retry-after")).toBe("5");
    expect(await shed.response.json()).toEqual({
      code: "SERVICE_OVERLOADED",
      message: expect.any(String),
      requestId: shed.response.headers.get("x-request-id"),
    });
    await expect.poll(async () => (await fetch(`${url}/api/auth/ok`)).status, { timeout: 15_000 }).toBe(200);
  }, 60_000);

  it("gives every answer a request id of its own, never the one a client sends", async () => {
    const response = await fetch(`${underTest.server.url}/api/auth/ok`, {
      headers: { "x-request-id": "chosen-by-the-client" },
    });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe("chosen-by-the-client");
  });
});
