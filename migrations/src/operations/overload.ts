import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * When a service sheds load: once the event loop has fallen more than this far behind within the last sample
 * interval, every request but /healthz gets 503 `service_overloaded` (auth-server: `SERVICE_OVERLOADED`) with
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

/**
 * Watches the event loop's delay (Node's histogram, as @fastify/under-pressure does) and reports overload when
 * the longest delay of the last sample interval passed the limit. The longest, not the mean: one stall of a
 * second is a second every request in it waited.
 */
export function watchEventLoop(
  options: { maxEventLoopDelayMs: number; sampleIntervalMs: number } = OVERLOAD_POLICY,
): OverloadMonitor {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let overloaded = false;
  const timer = setInterval(() => {
    overloaded = histogram.max / 1e6 > options.maxEventLoopDelayMs;
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
