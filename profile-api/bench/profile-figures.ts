import { type BenchFigure, medianFigure, ratioFigure } from "@textbook/dev-tools/bench-result";

/** One autocannon run of one scenario. */
export interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * The figures of issue 4 (goals in BENCHMARKS.md, profile-api section). `samples` maps each scenario to its runs
 * in round order, so index i of every scenario was measured in round i; `jwksFetches` is per variant, for the run.
 */
export function profileFigures(
  samples: Map<string, Sample[]>,
  variants: readonly { key: string; name: string }[],
  jwksFetches: number[],
): BenchFigure[] {
  const runs = (method: "GET" | "PUT", key: string) =>
    samples.get(`${method} /v1/profiles/me, ${variants.find((variant) => variant.key === key)?.name}`) ?? [];
  const perSecond = (method: "GET" | "PUT", key: string) =>
    runs(method, key).map((run) => run.requestsPerSecond);
  const p99 = (key: string) => runs("GET", key).map((run) => run.p99);
  const failed = [...samples.values()].flat().reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  return [
    ratioFigure(
      {
        measure: "`GET /v1/profiles/me`, RS256 + verified-token cache vs verification off (50 connections)",
        goal: "≥ 0.9×",
        sidesUnit: "req/s",
      },
      { label: "cache", values: perSecond("GET", "cached") },
      { label: "verification off", values: perSecond("GET", "off") },
      (ratio) => ratio >= 0.9,
    ),
    medianFigure(
      { measure: "p99 of that route with the cache", goal: "< 15 ms", unit: "ms" },
      p99("cached"),
      (ms) => ms < 15,
    ),
    medianFigure(
      { measure: "p99 of that route, verification off", goal: "stated", unit: "ms" },
      p99("off"),
      null,
    ),
    medianFigure(
      {
        measure: "`GET /v1/profiles/me`, RS256 verified on every request (no cache)",
        goal: "stated",
        unit: "req/s",
      },
      perSecond("GET", "uncached"),
      null,
    ),
    medianFigure(
      { measure: "p99 of that route, no cache", goal: "stated", unit: "ms" },
      p99("uncached"),
      null,
    ),
    medianFigure(
      { measure: "`PUT /v1/profiles/me`, with the cache", goal: "stated", unit: "req/s" },
      perSecond("PUT", "cached"),
      null,
    ),
    {
      measure: "JWKS fetches per service for the whole run",
      goal: "1",
      value: Math.max(...jwksFetches),
      unit: "",
      sides: variants.map((variant, i) => ({ label: variant.key, value: jwksFetches[i] ?? Number.NaN })),
      met: jwksFetches.every((count) => count === 1),
      runs: 1,
    },
    {
      measure: "errors + non-2xx responses, all scenarios and rounds (total)",
      goal: "0",
      value: failed,
      unit: "",
      met: failed === 0,
      runs: runs("GET", "cached").length,
    },
  ];
}
