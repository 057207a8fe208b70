import {
  type BenchFigure,
  failureCountFigure,
  medianFigure,
  ratioFigure,
  statedFigure,
} from "@textbook/dev-tools/bench-result";

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
 * in round order, so index i of every scenario was measured in round i; `jwksFetches` is per variant, for the run
 * (the reference server, which verifies nothing, fetches no keys and is left out of that figure).
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
  const verifying = variants
    .map((variant, i) => ({ key: variant.key, fetches: jwksFetches[i] ?? Number.NaN }))
    .filter(({ key }) => key !== "off");
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
    statedFigure("p99 of that route, verification off", "ms", p99("off")),
    statedFigure(
      "`GET /v1/profiles/me`, RS256 verified on every request (no cache)",
      "req/s",
      perSecond("GET", "uncached"),
    ),
    statedFigure("p99 of that route, no cache", "ms", p99("uncached")),
    statedFigure("`PUT /v1/profiles/me`, with the cache", "req/s", perSecond("PUT", "cached")),
    {
      measure: "JWKS fetches per verifying service for the whole run",
      goal: "1",
      value: Math.max(...verifying.map(({ fetches }) => fetches)),
      unit: "",
      sides: verifying.map(({ key, fetches }) => ({ label: key, value: fetches })),
      met: verifying.every(({ fetches }) => fetches === 1),
      runs: 1,
    },
    failureCountFigure(
      "errors + non-2xx responses, all scenarios and rounds (total)",
      failed,
      runs("GET", "cached").length,
    ),
  ];
}
