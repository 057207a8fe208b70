import { describe, expect, it } from "vitest";
import { keyStates } from "../../src/keys/key-states.js";
import type { StoredKey } from "../../src/keys/stored-key.js";

const NOW = Date.parse("2026-12-06T12:00:00Z");
const HOUR = 3_600_000;
const key = (id: string, createdHoursAgo: number, expiresHoursFromNow?: number): StoredKey => ({
  id,
  publicKey: "{}",
  privateKey: "{}",
  createdAt: new Date(NOW - createdHoursAgo * HOUR),
  ...(expiresHoursFromNow === undefined ? {} : { expiresAt: new Date(NOW + expiresHoursFromNow * HOUR) }),
});

describe("the state `keys list` prints for each key", () => {
  it("names the published successor, the signing key, a live older one, a retired and an expired key", () => {
    const states = keyStates(
      [
        key("expired", 400, -200),
        key("retired", 300, -1),
        key("older-live", 50, 10),
        key("signing", 20, 30),
        key("next", -1, 60),
      ],
      24 * 3600,
      NOW,
    );
    expect(states.map(({ kid, state }) => [kid, state])).toEqual([
      ["expired", "expired"],
      ["retired", "retired"],
      ["older-live", "live"],
      ["signing", "signing"],
      ["next", "next"],
    ]);
    expect(states[1]?.detail).toBe(`in the JWKS until ${new Date(NOW + 23 * HOUR).toISOString()}`);
    expect(states[3]?.detail).toBe(`signs until ${new Date(NOW + 30 * HOUR).toISOString()}`);
  });
});
