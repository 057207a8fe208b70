import { describe, expect, it } from "vitest";
import { OVERLOAD_POLICY, watchEventLoop } from "../../src/operations/overload.js";
import { newRequestId } from "../../src/operations/request-id.js";
import { stallEventLoopRepeatedly } from "../../src/testing/event-loop-stalls.js";

describe("shedding load", () => {
  it("reports overload while the event loop stays behind, and recovers once it runs freely", async () => {
    const monitor = watchEventLoop({ maxEventLoopDelayMs: 300, sampleIntervalMs: 200 });
    try {
      expect(monitor.isOverloaded()).toBe(false);
      const stalls = stallEventLoopRepeatedly(800);
      try {
        await expect.poll(() => monitor.isOverloaded(), { timeout: 10_000, interval: 10 }).toBe(true);
      } finally {
        await stalls.stop();
      }
      await expect.poll(() => monitor.isOverloaded(), { timeout: 15_000, interval: 20 }).toBe(false);
    } finally {
      monitor.stop();
    }
  });

  it("does not report overload for a single stall that is over", async () => {
    const monitor = watchEventLoop({ maxEventLoopDelayMs: 300, sampleIntervalMs: 200 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const until = Date.now() + 800;
      while (Date.now() < until) {
        // One stall, like a start-up or a long garbage collection.
      }
      const seen: boolean[] = [];
      for (let i = 0; i < 50; i++) {
        seen.push(monitor.isOverloaded());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).not.toContain(true);
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
