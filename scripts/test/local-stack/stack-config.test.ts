import { describe, expect, it } from "vitest";
import { readStackConfig } from "../../src/local-stack/stack-config.js";

describe("the local stack's configuration", () => {
  it("uses the contract's ports and the embedded database unless told otherwise", () => {
    expect(readStackConfig({ HOME: "/home/learner" })).toEqual({
      ports: { AUTH_PORT: 4000, PROFILE_API_PORT: 4100, WEBSITE_PORT: 3000 },
      database: undefined,
      inherited: { HOME: "/home/learner" },
    });
  });

  it("takes a given database, the direct URL for migrations falling back to the pooled one", () => {
    const pooled = "postgres://app@db-pooler.example.com/textbook";
    const direct = "postgres://app@db.example.com/textbook";
    expect(readStackConfig({ DATABASE_URL: pooled }).database).toEqual({ pooled, direct: pooled });
    expect(readStackConfig({ DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct }).database).toEqual({
      pooled,
      direct,
    });
  });

  it("names every malformed variable, refusing port 0 since the addresses are printed before start", () => {
    expect(() =>
      readStackConfig({ AUTH_PORT: "0", WEBSITE_PORT: "web", DATABASE_URL: "mysql://app:s3cret@db/x" }),
    ).toThrow(
      /AUTH_PORT must be a port number from 1 to 65535[\s\S]*WEBSITE_PORT must be a port number[\s\S]*DATABASE_URL must start with postgres:\/\//,
    );
    expect(() => readStackConfig({ DATABASE_URL: "mysql://app:s3cret@db/x" })).not.toThrow(/s3cret/);
  });
});
