import { describe, expect, it } from "vitest";
import { checkReadiness } from "../../src/operations/readiness.js";

describe("the /readyz answer", () => {
  it("is 200 with every check named ok when all pass", async () => {
    expect(await checkReadiness({ database: async () => 1, signingKeys: async () => undefined })).toEqual({
      statusCode: 200,
      body: { status: "ok", checks: { database: "ok", signingKeys: "ok" } },
    });
  });

  it("is 503 naming the check that failed, and only that one", async () => {
    const answer = await checkReadiness({
      database: async () => 1,
      signingKeys: async () => {
        throw new Error("no signing key yet");
      },
      redis: async () => "PONG",
    });
    expect(answer).toEqual({
      statusCode: 503,
      body: { status: "unavailable", checks: { database: "ok", signingKeys: "unavailable", redis: "ok" } },
    });
  });

  it("counts a check that hangs past the timeout, or throws before returning a promise, as unavailable", async () => {
    const answer = await checkReadiness(
      {
        database: () => new Promise(() => {}),
        redis: () => {
          throw new Error("not connected");
        },
      },
      50,
    );
    expect(answer.body.checks).toEqual({ database: "unavailable", redis: "unavailable" });
    expect(answer.statusCode).toBe(503);
  });
});
