import { vi } from "vitest";

/**
 * Calls `check` until it returns true, at most `timeoutMillis`; errors thrown by `check` count as "not yet"
 * unless it keeps failing to the end, when the last one is reported.
 */
export async function pollUntil(
  what: string,
  timeoutMillis: number,
  check: () => Promise<boolean>,
  intervalMillis = 100,
): Promise<void> {
  try {
    await vi.waitFor(
      async () => {
        if (!(await check())) throw new Error("not yet");
      },
      { timeout: timeoutMillis, interval: intervalMillis },
    );
  } catch (error) {
    const last =
      error instanceof Error && error.message !== "not yet" ? ` (last error: ${error.message})` : "";
    throw new Error(`timed out after ${timeoutMillis} ms waiting for ${what}${last}`);
  }
}
