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
  const deadline = Date.now() + timeoutMillis;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, intervalMillis));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
  throw new Error(`timed out after ${timeoutMillis} ms waiting for ${what}${cause}`);
}
