/**
 * For tests of load shedding: stalls this process's event loop for `millis` at a time, with a short break after
 * each stall so requests still move, until `stop()`. Repeated stalls keep every sample of a monitor over its
 * limit, so the test does not depend on when, between two samples, a request happens to arrive.
 */
export function stallEventLoopRepeatedly(millis: number): { stop(): Promise<void> } {
  let stalling = true;
  const done = (async () => {
    while (stalling) {
      const until = Date.now() + millis;
      while (Date.now() < until) {
        // Busy on purpose: this is the stall.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      stalling = false;
      await done;
    },
  };
}
