/** Work that finishes after its response: mails, so their timing never tells whether an address exists. */
export interface BackgroundTasks {
  /** Better Auth's `advanced.backgroundTasks.handler`. */
  handler(promise: Promise<unknown>): void;
  /** Resolves once every task started so far has settled, or after `timeoutMillis`. */
  drain(timeoutMillis?: number): Promise<void>;
}

/** Keeps track of background tasks so shutdown can wait for them (a mail half-sent is a mail lost). */
export function createBackgroundTasks(): BackgroundTasks {
  const pending = new Set<Promise<unknown>>();
  return {
    handler(promise) {
      // Better Auth has already attached a catch that logs the failure.
      const tracked = promise.finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    async drain(timeoutMillis = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMillis);
      });
      await Promise.race([Promise.allSettled([...pending]), timeout]);
      clearTimeout(timer);
    },
  };
}
