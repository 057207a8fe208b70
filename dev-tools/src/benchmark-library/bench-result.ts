import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { z } from "zod";

/** Where every workspace's benchmark leaves its log and its results (git-ignored). */
export const BENCH_RESULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../bench-results");

const figureSchema = z.object({
  measure: z.string(),
  /** The goal as the issue states it ("≥ 2×", "< 50 ms"), or "stated" for a figure that is only reported. */
  goal: z.string(),
  /** The median of `runs` runs (for a ratio, the median of the per-run ratios). */
  value: z.number(),
  unit: z.string(),
  /** Both sides of a ratio or a difference, from the run whose ratio is `value`. */
  sides: z.array(z.object({ label: z.string(), value: z.number() })).optional(),
  sidesUnit: z.string().optional(),
  /** Each run's value, in the order measured. */
  samples: z.array(z.number()).optional(),
  /** null for a figure without a goal. */
  met: z.boolean().nullable(),
  runs: z.number().int().positive(),
});

/** What `bench-results/<workspace>.json` holds; run-all-benchmarks.ts renders it into BENCHMARKS.md. */
export const benchResultSchema = z.object({
  workspace: z.string(),
  finishedAt: z.string(),
  /** How the run was set up (phase length, rounds, sizes), in words. */
  settings: z.string(),
  postgres: z.string(),
  figures: z.array(figureSchema),
});

export type BenchFigure = z.infer<typeof figureSchema>;
export type BenchResult = z.infer<typeof benchResultSchema>;

/** The number of runs a benchmark repeats its measurement (BENCH_RUNS, default 3). */
export function benchRuns(env: NodeJS.ProcessEnv = process.env): number {
  const runs = Number(env.BENCH_RUNS ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer: ${runs}`);
  return runs;
}

/** The median (for an even count, the upper of the two middle values, so it is always a measured value). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The index of the run whose value is the median, so a ratio is shown with the two sides it came from. */
export function medianIndex(values: readonly number[]): number {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  return order[Math.floor(order.length / 2)]?.index ?? 0;
}

/**
 * A ratio figure: `numerator[i] / denominator[i]` for each run i (both sides measured in the same run), its
 * median, and the two sides of the median run.
 */
export function ratioFigure(
  figure: Pick<BenchFigure, "measure" | "goal" | "sidesUnit">,
  numerator: { label: string; values: readonly number[] },
  denominator: { label: string; values: readonly number[] },
  meets: ((ratio: number) => boolean) | null,
): BenchFigure {
  const ratios = numerator.values.map((value, i) => value / (denominator.values[i] ?? Number.NaN));
  const at = medianIndex(ratios);
  const value = ratios[at] ?? Number.NaN;
  return {
    ...figure,
    value,
    unit: "×",
    sides: [
      { label: numerator.label, value: numerator.values[at] ?? Number.NaN },
      { label: denominator.label, value: denominator.values[at] ?? Number.NaN },
    ],
    samples: ratios,
    met: meets ? meets(value) : null,
    runs: ratios.length,
  };
}

/** A figure that is the median of its runs' values. */
export function medianFigure(
  figure: Pick<BenchFigure, "measure" | "goal" | "unit">,
  samples: readonly number[],
  meets: ((value: number) => boolean) | null,
): BenchFigure {
  const value = median(samples);
  return { ...figure, value, samples: [...samples], met: meets ? meets(value) : null, runs: samples.length };
}

/** A figure reported without a goal ("stated"): the median of its runs. */
export function statedFigure(measure: string, unit: string, samples: readonly number[]): BenchFigure {
  return medianFigure({ measure, goal: "stated", unit }, samples, null);
}

/** A count of failures over a whole benchmark (failed requests, refusals that did not come): its goal is none. */
export function failureCountFigure(measure: string, failed: number, runs: number): BenchFigure {
  return { measure, goal: "0", value: failed, unit: "", met: failed === 0, runs };
}

/** The server version of the database at `url` ("17.10"), for the report's machine line. */
export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${rows[0]?.server_version.split(" ")[0] ?? "?"}`;
  } finally {
    await client.end();
  }
}

/** Writes bench-results/<workspace>.json; returns its path. */
export async function writeBenchResult(result: Omit<BenchResult, "finishedAt">): Promise<string> {
  const file = join(BENCH_RESULTS_DIR, `${result.workspace}.json`);
  const complete: BenchResult = { ...result, finishedAt: new Date().toISOString() };
  await mkdir(BENCH_RESULTS_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(complete, null, 2)}\n`);
  return file;
}
