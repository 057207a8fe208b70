import { type BenchFigure, medianFigure, ratioFigure } from "@textbook/dev-tools/bench-result";
import type { LoadResult } from "./closed-loop.js";
import type { HasherName } from "./hashers.js";

/** One round of one variant: sign-ins alone, then sign-ins with the get-session probe running beside them. */
export interface VariantRound {
  alone: LoadResult;
  signIns: LoadResult;
  sessions: LoadResult;
}

/** One autocannon run on `GET /api/auth/jwks`. */
export interface JwksRound {
  perSecond: number;
  p99: number;
  errors: number;
}

/** The figures of issue 3 (goals in BENCHMARKS.md, auth-server section), from every round of every variant. */
export function authFigures(rounds: Map<HasherName, VariantRound[]>, jwks: JwksRound[]): BenchFigure[] {
  const of = (variant: HasherName) => rounds.get(variant) ?? [];
  const signInsPerSecond = (variant: HasherName, label: string) => ({
    label,
    values: of(variant).map((round) => round.alone.perSecond),
  });
  const sessionP99 = (variant: HasherName) => of(variant).map((round) => round.sessions.p99);
  const failed =
    [...rounds.values()]
      .flat()
      .reduce((sum, r) => sum + r.alone.failures + r.signIns.failures + r.sessions.failures, 0) +
    jwks.reduce((sum, round) => sum + round.errors, 0);
  const native = signInsPerSecond("project-native", "project native");
  return [
    ratioFigure(
      {
        measure: "sign-ins/s, 8 clients: project native scrypt vs Better Auth's pure-JS scrypt",
        goal: "≥ 2×",
        sidesUnit: "sign-ins/s",
      },
      native,
      signInsPerSecond("better-auth-pure-js", "pure JS"),
      (ratio) => ratio >= 2,
    ),
    ratioFigure(
      {
        measure: "same, vs what Better Auth 1.7.25 runs under Node (native scrypt, unbounded)",
        goal: "stated",
        sidesUnit: "sign-ins/s",
      },
      native,
      signInsPerSecond("better-auth-default", "Better Auth default"),
      null,
    ),
    medianFigure(
      {
        measure: "`get-session` p99 while sign-ins run at full speed, project native",
        goal: "< 50 ms",
        unit: "ms",
      },
      sessionP99("project-native"),
      (p99) => p99 < 50,
    ),
    medianFigure(
      { measure: "same, Better Auth's pure-JS scrypt", goal: "stated", unit: "ms" },
      sessionP99("better-auth-pure-js"),
      null,
    ),
    medianFigure(
      { measure: "same, Better Auth default", goal: "stated", unit: "ms" },
      sessionP99("better-auth-default"),
      null,
    ),
    medianFigure(
      { measure: "`GET /api/auth/jwks`, 16 connections", goal: "≥ 5,000 req/s", unit: "req/s" },
      jwks.map((round) => round.perSecond),
      (perSecond) => perSecond >= 5000,
    ),
    medianFigure(
      { measure: "`GET /api/auth/jwks` p99", goal: "stated", unit: "ms" },
      jwks.map((round) => round.p99),
      null,
    ),
    {
      measure: "failed requests, all variants and rounds (total)",
      goal: "0",
      value: failed,
      unit: "",
      met: failed === 0,
      runs: jwks.length,
    },
  ];
}
