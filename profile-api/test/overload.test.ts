import { stallEventLoopRepeatedly } from "@textbook/migrations/testing/event-loop-stalls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  json,
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
} from "./helpers/profile-api-under-test.js";

describe("when the event loop falls behind", () => {
  let api: ProfileApiUnderTest;
  beforeAll(async () => {
    api = await startProfileApiUnderTest();
  });
  afterAll(() => api?.close());

  it("sheds load with 503 service_overloaded in the one error shape, while /healthz stays 200", async () => {
    const user = await api.createUser();
    const stalls = stallEventLoopRepeatedly(1_500);
    let shed: { response: Response; health: Response } | undefined;
    // The server runs in this process: stalling this event loop is the server falling behind.
    try {
      await expect
        .poll(
          async () => {
            const [health, response] = await Promise.all([
              fetch(`${api.url}/healthz`),
              api.call("/v1/profiles/me", user.token),
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
    expect(await json(shed.response)).toEqual({
      error: "service_overloaded",
      message: expect.any(String),
      requestId: shed.response.headers.get("x-request-id"),
    });
    await expect
      .poll(async () => (await api.call("/v1/profiles/me", user.token)).status, { timeout: 15_000 })
      .toBe(404);
  }, 60_000);

  it("gives every answer a request id of its own, never the one a client sends", async () => {
    const response = await fetch(`${api.url}/healthz`, {
      headers: { "x-request-id": "chosen-by-the-client" },
    });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe("chosen-by-the-client");
  });
});
