/** The outcome of one operation of a load run. */
export interface Sample {
  operation: string;
  millis: number;
  /** HTTP status, or "connection" / "timeout" when no response came. */
  outcome: number | "connection" | "timeout";
  target: string;
  /** Date.now() when the request was sent and when its answer (or failure) came. */
  startedAt: number;
  endedAt: number;
}

/** What one simulated client does per iteration: returns the samples of the operations it ran. */
export type ClientStep = (client: number, iteration: number) => Promise<Sample[]>;

/**
 * Runs `clients` loops of `step` concurrently until `durationMillis` has passed or each loop has run
 * `maxIterations` times, whichever comes first: every load in this suite is bounded in count and in time.
 */
export async function runBoundedLoad(options: {
  clients: number;
  durationMillis: number;
  maxIterations: number;
  step: ClientStep;
  /** Stops early when it returns true (checked between iterations). */
  until?: () => boolean;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = Date.now() + options.durationMillis;
  const loop = async (client: number) => {
    for (let iteration = 0; iteration < options.maxIterations; iteration++) {
      if (Date.now() >= deadline || options.until?.()) return;
      samples.push(...(await options.step(client, iteration)));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  return samples;
}

/** Times `operation` and classifies how it ended; never throws for a network failure. */
export async function timed(
  operation: string,
  target: string,
  run: () => Promise<Response>,
  inspect?: (response: Response) => Promise<void>,
): Promise<Sample> {
  const started = performance.now();
  const startedAt = Date.now();
  const finish = (outcome: Sample["outcome"]): Sample => ({
    operation,
    target,
    outcome,
    millis: performance.now() - started,
    startedAt,
    endedAt: Date.now(),
  });
  try {
    const response = await run();
    if (inspect) await inspect(response);
    else await response.arrayBuffer();
    return finish(response.status);
  } catch (error) {
    const name = (error as Error).name;
    return finish(name === "TimeoutError" || name === "AbortError" ? "timeout" : "connection");
  }
}

/** The p-th percentile (0–100) of the durations, nearest-rank. */
export function percentile(samples: Sample[], p: number): number {
  const sorted = samples.map((sample) => sample.millis).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Counts of each outcome, e.g. { "200": 40, connection: 2 }, for readable assertion messages. */
export function outcomes(samples: Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples) counts[String(sample.outcome)] = (counts[String(sample.outcome)] ?? 0) + 1;
  return counts;
}
