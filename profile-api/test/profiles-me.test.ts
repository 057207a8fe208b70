import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProfileApiUnderTest, startProfileApiUnderTest } from "./helpers/profile-api-under-test.js";

let api: ProfileApiUnderTest;
beforeAll(async () => {
  api = await startProfileApiUnderTest();
});
afterAll(() => api?.close());

const put = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  api.call("/v1/profiles/me", token, { method: "PUT", body: JSON.stringify(body), headers });

describe("the caller's profile", () => {
  it("creates a profile with PUT, then reads it back with its ETag", async () => {
    const { token } = await api.createUser();
    const created = await put(token, { displayName: "Ada", softwareBackground: "advanced" });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    expect(created.headers.get("location")).toBe("/v1/profiles/me");
    const read = await api.call("/v1/profiles/me", token);
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(await read.json()).toMatchObject({
      displayName: "Ada",
      softwareBackground: "advanced",
      hardwareBackground: null,
      programmingLanguages: [],
      preferredLanguage: "en",
    });
  });
});
