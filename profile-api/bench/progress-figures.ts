import { type BenchFigure, medianFigure, ratioFigure } from "@textbook/dev-tools/bench-result";
import type { Sample } from "./profile-figures.js";

/** The scenario names of issue 19's figures, as run-benchmarks.ts records them. */
export const PROGRESS_SCENARIOS = {
  patch: "PATCH /v1/progress (one chapter), RS256 + verified-token cache",
  put: "PUT /v1/profiles/me, RS256 + verified-token cache",
  getProgress: "GET /v1/progress (30 chapters), RS256 + verified-token cache",
  getProfile: "GET /v1/profiles/me, RS256 + verified-token cache",
} as const;

/**
 * Issue 19's figures (BENCHMARKS.md, profile-api): the progress routes against the profile routes measured in
 * the same round, so a busy machine slows both sides alike.
 */
export function progressFigures(samples: Map<string, Sample[]>): BenchFigure[] {
  const runs = (name: keyof typeof PROGRESS_SCENARIOS) => samples.get(PROGRESS_SCENARIOS[name]) ?? [];
  const perSecond = (name: keyof typeof PROGRESS_SCENARIOS) => runs(name).map((run) => run.requestsPerSecond);
  return [
    ratioFigure(
      {
        measure: "`PATCH /v1/progress` (one chapter, a real write) vs `PUT /v1/profiles/me`, 50 connections",
        goal: "≥ 0.8×",
        sidesUnit: "req/s",
      },
      { label: "PATCH progress", values: perSecond("patch") },
      { label: "PUT profile", values: perSecond("put") },
      (ratio) => ratio >= 0.8,
    ),
    medianFigure(
      { measure: "p99 of `PATCH /v1/progress`", goal: "stated", unit: "ms" },
      runs("patch").map((run) => run.p99),
      null,
    ),
    ratioFigure(
      {
        measure: "`GET /v1/progress` (30 chapters) vs `GET /v1/profiles/me`, 50 connections",
        goal: "≥ 0.8×",
        sidesUnit: "req/s",
      },
      { label: "GET progress", values: perSecond("getProgress") },
      { label: "GET profile", values: perSecond("getProfile") },
      (ratio) => ratio >= 0.8,
    ),
    medianFigure(
      { measure: "p99 of `GET /v1/progress` (30 chapters)", goal: "stated", unit: "ms" },
      runs("getProgress").map((run) => run.p99),
      null,
    ),
  ];
}
