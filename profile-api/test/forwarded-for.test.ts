import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProfileApiUnderTest, startProfileApiUnderTest } from "./helpers/profile-api-under-test.js";

/** A made-up address for the part of X-Forwarded-For a client writes itself. */
const forged = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe("the client address behind one trusted proxy (TRUST_PROXY=true)", () => {
  let api: ProfileApiUnderTest;
  beforeAll(async () => {
    api = await startProfileApiUnderTest({ TRUST_PROXY: "true", PROFILE_API_RATE_LIMIT: "3" });
  });
  afterAll(() => api?.close());

  // The proxy appends the address it saw to whatever X-Forwarded-For the client sent: "<forged>, <real>".
  const throughProxy = (seenByProxy: string, clientPart = forged()) =>
    api.call("/v1/profiles/me", "not-a-token", {
      headers: { "x-forwarded-for": `${clientPart}, ${seenByProxy}` },
    });

  it("limits a client by the address the proxy saw, however it forges the left part of the chain", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) statuses.push((await throughProxy("198.51.100.7")).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("counts another client behind the same proxy on its own", async () => {
    expect((await throughProxy("198.51.100.8", "198.51.100.7")).status).toBe(401);
  });
});
