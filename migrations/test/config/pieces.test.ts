import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  baseUrl,
  databaseUrl,
  flag,
  httpUrl,
  integer,
  logLevel,
  optionalText,
  origin,
  port,
  proxyTrust,
  redisUrl,
} from "../../src/config/index.js";

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe("the shared configuration pieces", () => {
  it("read a flag in every spelling either part accepted, in any case, and nothing else", () => {
    for (const word of ["true", "1", "yes", "on", "TRUE", "On"]) expect(flag(false).parse(word)).toBe(true);
    for (const word of ["false", "0", "no", "off", "OFF", "No"]) expect(flag(true).parse(word)).toBe(false);
    expect(flag(true).parse(undefined)).toBe(true);
    expect(flag(false).parse(undefined)).toBe(false);
    expect(messageOf(flag(true), "maybe")).toBe(
      'must be true or false (or on/off, yes/no, 1/0; got "maybe")',
    );
  });

  it("read a port from 0 to 65535, or from the given minimum, and refuse anything else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), (n) => {
        expect(port().parse(String(n))).toBe(n);
      }),
    );
    expect(port(4100).parse(undefined)).toBe(4100);
    for (const value of ["http", "-1", "65536", "80.5", "", "0x50"]) {
      expect(messageOf(port(), value)).toMatch(/^must be a port number from 0 to 65535/);
    }
    expect(messageOf(port(3000, { min: 1 }), "0")).toBe('must be a port number from 1 to 65535 (got "0")');
  });

  it("read a whole number within its range", () => {
    expect(integer(1, 100, 10).parse(undefined)).toBe(10);
    expect(integer(1, 100).parse("4")).toBe(4);
    for (const value of ["0", "101", "-1", "four", "1e2"]) {
      expect(messageOf(integer(1, 100), value)).toMatch(/^must be a whole number from 1 to 100/);
    }
  });

  it("read URLs: http(s) as written, an origin, a base without trailing slash", () => {
    expect(httpUrl.parse("https://auth.example.com/")).toBe("https://auth.example.com/");
    expect(origin.parse("https://example.com:8443/some/path")).toBe("https://example.com:8443");
    expect(baseUrl.parse("https://auth.example.com//")).toBe("https://auth.example.com");
    expect(messageOf(httpUrl, "localhost:3000")).toBe(
      'must be an http:// or https:// URL (got "localhost:3000")',
    );
    expect(messageOf(httpUrl, "ftp://example.com")).toMatch(/^must be an http:\/\/ or https:\/\/ URL/);
  });

  it("never repeat a URL that may hold a password", () => {
    const secret = "s3cret-pass";
    expect(messageOf(redisUrl, `http://user:${secret}@cache`)).toBe(
      "must be a redis:// or rediss:// URL (got (hidden))",
    );
    const message = messageOf(databaseUrl, `mysql://app:${secret}@db/x`);
    expect(message).toMatch(/must start with postgres:\/\//);
    expect(message).not.toContain(secret);
    expect(messageOf(databaseUrl, undefined)).toMatch(/^is required \(a postgres:\/\/ URL/);
    expect(databaseUrl.parse("postgres://app@127.0.0.1:5432/textbook")).toBe(
      "postgres://app@127.0.0.1:5432/textbook",
    );
  });

  it("read TRUST_PROXY as a number of hops, true being one", () => {
    expect(proxyTrust.parse(undefined)).toBe(false);
    expect(proxyTrust.parse("true")).toBe(1);
    expect(proxyTrust.parse("3")).toBe(3);
    expect(messageOf(proxyTrust, "all")).toMatch(/^must be false, true \(one proxy hop\)/);
  });

  it("read optional text trimmed, blank being unset, and a log level from pino's list", () => {
    expect(optionalText.parse("  issuer ")).toBe("issuer");
    expect(optionalText.parse("  ")).toBeUndefined();
    expect(logLevel.parse(undefined)).toBe("info");
    expect(messageOf(logLevel, "loud")).toBe("must be one of fatal, error, warn, info, debug, trace, silent");
  });
});
