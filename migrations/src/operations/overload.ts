import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * When a service sheds load: once the event loop has been, on average, more than this far behind in two sample
 * intervals in a row, every request but /healthz gets 503 `service_overloaded` (auth-server: `SERVICE_OVERLOADED`) with
 * Retry-After, instead of every request slowing down. /healthz stays 200 so the supervisor does not restart a
 * process that is only busy.
 */
export const OVERLOAD_POLICY = {
  maxEventLoopDelayMs: 1_000,
  sampleIntervalMs: 1_000,
  retryAfterSeconds: 5,
  message: "The service is overloaded; try again shortly.",
} as const;

/** Whether the event loop is behind right now; stop() when the service closes. */
export interface OverloadMonitor {
  isOverloaded(): boolean;
  stop(): void;
}

const RESOLUTION_MS = 10;

/**
 * Watches the event loop's delay and reports overload when its mean passed the limit in the last two sample
 * intervals, measured as @fastify/under-pressure does (Node's histogram, less its resolution). Two in a row: one
 * stall (a start-up, a garbage collection) is over once it is measured, and shedding the second after it would only
 * turn clients away; a loop that stays behind is what load shedding is for.
 */
export function watchEventLoop(
  options: { maxEventLoopDelayMs: number; sampleIntervalMs: number } = OVERLOAD_POLICY,
): OverloadMonitor {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let overloaded = false;
  let behind = false;
  const timer = setInterval(() => {
    const meanDelayMs = histogram.count > 0 ? histogram.mean / 1e6 - RESOLUTION_MS : 0;
    overloaded = behind && meanDelayMs > options.maxEventLoopDelayMs;
    behind = meanDelayMs > options.maxEventLoopDelayMs;
    histogram.reset();
  }, options.sampleIntervalMs);
  timer.unref();
  return {
    isOverloaded: () => overloaded,
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
