import { describe, expect, it } from "vitest";
import { readBuildEnvironment } from "../../config/build-environment.js";

describe("the build environment", () => {
  it("defaults to the local stack's URLs", () => {
    expect(readBuildEnvironment({})).toEqual({
      siteUrl: "http://localhost:3000",
      baseUrl: "/",
      authUrl: "http://localhost:4000",
      profileApiUrl: "http://localhost:4100",
      urDevServerUrl: null,
      locale: null,
    });
  });

  it("takes the Urdu dev server's URL from WEBSITE_UR_DEV_URL (set by npm start) and refuses a malformed one", () => {
    expect(readBuildEnvironment({ WEBSITE_UR_DEV_URL: "http://127.0.0.1:3001/" }).urDevServerUrl).toBe(
      "http://127.0.0.1:3001",
    );
    expect(() => readBuildEnvironment({ WEBSITE_UR_DEV_URL: "127.0.0.1:3001" })).toThrow(
      /WEBSITE_UR_DEV_URL/,
    );
  });

  it("takes the service URLs from BETTER_AUTH_URL and PROFILE_API_URL, without a trailing slash", () => {
    const env = readBuildEnvironment({
      BETTER_AUTH_URL: "https://auth.example.com/",
      PROFILE_API_URL: "https://api.example.com/",
      BASE_URL: "textbook",
    });
    expect(env).toMatchObject({
      authUrl: "https://auth.example.com",
      profileApiUrl: "https://api.example.com",
      baseUrl: "/textbook/",
    });
  });

  it("stops the build with a message naming a malformed variable", () => {
    expect(() => readBuildEnvironment({ PROFILE_API_URL: "api.example.com" })).toThrow(/PROFILE_API_URL/);
    expect(() => readBuildEnvironment({ BETTER_AUTH_URL: "ftp://auth.example.com" })).toThrow(
      /BETTER_AUTH_URL/,
    );
  });

  it("knows nothing of the benchmark's reference builds (they have configurations of their own in bench/builds)", () => {
    const switches = { TEXTBOOK_ACCOUNTS: "off", TEXTBOOK_PROGRESS: "off" };
    expect(readBuildEnvironment(switches)).toEqual(readBuildEnvironment({}));
  });
});
