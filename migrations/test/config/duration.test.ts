import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duration, formatDuration, parseDurationSeconds } from "../../src/config/duration.js";

const UNITS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

describe("a duration variable", () => {
  it.each([
    ["900", 900],
    ["15m", 900],
    ["15 m", 900],
    [" 1h ", 3_600],
    ["30d", 2_592_000],
    ["45s", 45],
  ])("reads %j as %d seconds", (value, seconds) => {
    expect(parseDurationSeconds(value)).toBe(seconds);
  });

  it.each(["", "0", "0s", "soon", "5 minutes", "1.5h", "-5m", "15M", "1w", "m", "15mm", "9".repeat(20)])(
    "refuses %j",
    (value) => {
      expect(parseDurationSeconds(value)).toBeUndefined();
    },
  );

  it("reads every positive whole number with any unit as that many units of seconds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom("", "s", "m", "h", "d"),
        (n, unit) => {
          const factor = unit === "" ? 1 : UNITS[unit as keyof typeof UNITS];
          expect(parseDurationSeconds(`${n}${unit}`)).toBe(n * factor);
        },
      ),
    );
  });

  it("writes a number of seconds back in a form it reads as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (seconds) => {
        expect(parseDurationSeconds(formatDuration(seconds))).toBe(seconds);
      }),
    );
  });

  it("applies its default, bounds and a message that says what is expected", () => {
    const schema = z.object({ TTL: duration({ default: "5m", min: 1, max: 3_600 }) });
    expect(schema.parse({}).TTL).toBe(300);
    expect(schema.parse({ TTL: "1h" }).TTL).toBe(3_600);
    const tooLong = schema.safeParse({ TTL: "2h" });
    expect(tooLong.error?.issues[0]?.message).toBe('must be from 1s to 1h (got "2h")');
    const malformed = schema.safeParse({ TTL: "soon" });
    expect(malformed.error?.issues[0]?.message).toMatch(
      /^must be a whole number of seconds \(900\).*15m.*"soon"/,
    );
    expect(z.object({ TTL: duration() }).safeParse({}).error?.issues[0]?.message).toMatch(/^is required/);
  });
});
