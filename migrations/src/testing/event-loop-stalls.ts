/**
 * For tests of load shedding: stalls this process's event loop for `millis` at a time, with a 20 ms break after
 * each stall so requests still move, until `stop()`. The loop stays behind on average, as under real overload (each
 * sample of Node's delay histogram then holds about `millis`), so a request arriving at any moment meets it.
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
