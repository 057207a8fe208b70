import { monitorEventLoopDelay } from "node:perf_hooks";
import type { PasswordHashing } from "../src/passwords/password-hashing.js";
import { closedLoop, type LoadResult } from "./closed-loop.js";

/** One hasher under load: verifications and how long the event loop was held up meanwhile. */
export interface HasherRound {
  verifications: LoadResult;
  /** p99 of the event loop's delay (ms): how long a request arriving meanwhile would wait to be read. */
  eventLoopDelayP99: number;
}

/**
 * Verifies one password with `hashing` from `callers` concurrent loops for `seconds`, in this process, and
 * samples the event loop's delay meanwhile (a hasher that computes on the event loop holds every other request
 * up; one that runs in the thread pool does not).
 */
export async function hasherRound(
  hashing: PasswordHashing,
  callers: number,
  seconds: number,
): Promise<HasherRound> {
  const password = "benchmark password";
  const hash = await hashing.hash(password);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const verifications = await closedLoop(callers, seconds, () => hashing.verify({ hash, password }));
  delay.disable();
  return { verifications, eventLoopDelayP99: delay.percentile(99) / 1e6 };
}
