import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

const DATABASE_URL = "postgres://app:s3cret@db.example.com:5432/textbook";

describe("the configuration", () => {
  it("reads JWKS_CACHE_TTL as a duration from 1s to 1h, and refuses others naming the variable", () => {
    expect(parseConfig({ DATABASE_URL, JWKS_CACHE_TTL: "30s" }).jwt.jwksCacheTtlSeconds).toBe(30);
    expect(parseConfig({ DATABASE_URL, JWKS_CACHE_TTL: "1h" }).jwt.jwksCacheTtlSeconds).toBe(3600);
    for (const value of ["0s", "2h", "5 minutes"]) {
      expect(() => parseConfig({ DATABASE_URL, JWKS_CACHE_TTL: value })).toThrow(/JWKS_CACHE_TTL/);
    }
  });

  it("reads JWT_TTL as the auth-server does: bare seconds or a number with a unit", () => {
    for (const [value, seconds] of [
      ["900", 900],
      ["15m", 900],
      ["15 m", 900],
    ] as const) {
      expect(parseConfig({ DATABASE_URL, JWT_TTL: value }).jwt.maxTokenAgeSeconds).toBe(seconds);
    }
    expect(() => parseConfig({ DATABASE_URL, JWT_TTL: "0" })).toThrow(/JWT_TTL must be a whole number/);
  });

  it("reads TRUST_PROXY=true as one proxy hop, not as the whole X-Forwarded-For chain", () => {
    expect(parseConfig({ DATABASE_URL, TRUST_PROXY: "true" }).trustProxy).toBe(1);
  });

  it("applies the documented defaults", () => {
    const config = parseConfig({ DATABASE_URL });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4100,
      websiteOrigin: "http://localhost:3000",
      rateLimitPerMinute: 600,
      trustProxy: false,
      logLevel: "info",
      jwt: {
        issuer: "http://localhost:4000",
        audience: "http://localhost:4100",
        maxTokenAgeSeconds: 900,
        jwksCacheTtlSeconds: 300,
      },
    });
    expect(config.jwt.jwksUrl.href).toBe("http://localhost:4000/api/auth/jwks");
  });

  it("derives the JWKS URL and issuer from BETTER_AUTH_URL, and lets JWKS_URL, JWT_ISSUER and JWT_AUDIENCE override", () => {
    const derived = parseConfig({
      DATABASE_URL,
      BETTER_AUTH_URL: "https://auth.example.com/",
      PROFILE_API_URL: "https://api.example.com",
    });
    expect(derived.jwt).toMatchObject({
      issuer: "https://auth.example.com",
      audience: "https://api.example.com",
    });
    expect(derived.jwt.jwksUrl.href).toBe("https://auth.example.com/api/auth/jwks");
    const overridden = parseConfig({
      DATABASE_URL,
      JWKS_URL: "http://auth.internal/keys",
      JWT_ISSUER: "issuer-x",
      JWT_AUDIENCE: "audience-y",
      JWT_TTL: "1h",
      TRUST_PROXY: "2",
      DATABASE_POOL_MAX: "4",
    });
    expect(overridden).toMatchObject({ trustProxy: 2, databasePoolMax: 4 });
    expect(overridden.jwt).toMatchObject({
      issuer: "issuer-x",
      audience: "audience-y",
      maxTokenAgeSeconds: 3600,
    });
    expect(overridden.jwt.jwksUrl.href).toBe("http://auth.internal/keys");
  });

  it("stops with a message naming each malformed variable", () => {
    expect(() =>
      parseConfig({
        DATABASE_URL,
        PROFILE_API_PORT: "http",
        PROFILE_API_RATE_LIMIT: "-1",
        LOG_LEVEL: "loud",
      }),
    ).toThrow(/PROFILE_API_PORT[\s\S]*PROFILE_API_RATE_LIMIT[\s\S]*LOG_LEVEL/);
    expect(() => parseConfig({ DATABASE_URL, WEBSITE_URL: "localhost:3000" })).toThrow(/WEBSITE_URL/);
    expect(() => parseConfig({ DATABASE_URL, JWT_TTL: "soon" })).toThrow(/JWT_TTL/);
  });

  it("requires DATABASE_URL and never echoes its password", () => {
    expect(() => parseConfig({})).toThrow(/DATABASE_URL is required/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://app:s3cret@db/x" })).toThrow(/DATABASE_URL/);
    try {
      parseConfig({ DATABASE_URL: "mysql://app:s3cret@db/x" });
    } catch (error) {
      expect((error as Error).message).not.toContain("s3cret");
    }
  });
});
