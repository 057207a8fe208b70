import { describe, expect, it } from "vitest";
import { OVERLOAD_POLICY, watchEventLoop } from "../../src/operations/overload.js";
import { newRequestId } from "../../src/operations/request-id.js";

function blockEventLoop(millis: number): void {
  const until = Date.now() + millis;
  while (Date.now() < until) {
    // Busy on purpose: this is the stall the monitor must see.
  }
}

describe("shedding load", () => {
  it("reports overload after the event loop stalled past the limit, and recovers once it runs freely", async () => {
    const monitor = watchEventLoop({ maxEventLoopDelayMs: 100, sampleIntervalMs: 200 });
    try {
      expect(monitor.isOverloaded()).toBe(false);
      // Node's delay histogram starts measuring with its first timer: let it run once before stalling.
      await new Promise((resolve) => setTimeout(resolve, 50));
      blockEventLoop(400);
      // The stall is recorded once the loop runs again, and read at the next sample.
      await expect.poll(() => monitor.isOverloaded(), { timeout: 2_000, interval: 10 }).toBe(true);
      await expect.poll(() => monitor.isOverloaded(), { timeout: 5_000, interval: 20 }).toBe(false);
    } finally {
      monitor.stop();
    }
  });

  it("waits a second of lag before shedding, and asks clients to come back in seconds", () => {
    expect(OVERLOAD_POLICY.maxEventLoopDelayMs).toBe(1_000);
    expect(OVERLOAD_POLICY.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("request ids", () => {
  it("are new UUIDs for every request", () => {
    const ids = Array.from({ length: 1_000 }, newRequestId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 10))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
