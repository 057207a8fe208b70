import type { BenchFigure } from "@textbook/dev-tools/bench-result";
import {
  failureCountFigure,
  medianFigure,
  ratioFigure,
  statedFigure,
} from "@textbook/dev-tools/bench-result";
import type { LoadResult } from "./closed-loop.js";
import type { HasherRound } from "./hasher-load.js";
import type { HasherName } from "./hashers.js";

/** One round of the auth-server: sign-ins alone, then sign-ins with the get-session probe running beside them. */
export interface ServerRound {
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

/** The figures of issue 3 (goals in BENCHMARKS.md, auth-server section), from every round of every part. */
export function authFigures(
  server: ServerRound[],
  hashers: Map<HasherName, HasherRound[]>,
  jwks: JwksRound[],
): BenchFigure[] {
  const of = (name: HasherName) => hashers.get(name) ?? [];
  const verificationsPerSecond = (name: HasherName, label: string) => ({
    label,
    values: of(name).map((round) => round.verifications.perSecond),
  });
  const eventLoopDelay = (name: HasherName) => of(name).map((round) => round.eventLoopDelayP99);
  const failed =
    server.reduce((sum, r) => sum + r.alone.failures + r.signIns.failures + r.sessions.failures, 0) +
    [...hashers.values()].flat().reduce((sum, r) => sum + r.verifications.failures, 0) +
    jwks.reduce((sum, round) => sum + round.errors, 0);
  const native = verificationsPerSecond("project-native", "project native");
  return [
    ratioFigure(
      {
        measure:
          "password verifications/s, 8 concurrent callers: the project's hasher vs Better Auth's pure-JS scrypt",
        goal: "≥ 2×",
        sidesUnit: "verifications/s",
      },
      native,
      verificationsPerSecond("better-auth-pure-js", "pure JS"),
      (ratio) => ratio >= 2,
    ),
    ratioFigure(
      {
        measure: "same, vs what Better Auth 1.7.25 runs under Node (native scrypt, unbounded)",
        goal: "stated",
        sidesUnit: "verifications/s",
      },
      native,
      verificationsPerSecond("better-auth-default", "Better Auth default"),
      null,
    ),
    statedFigure(
      "sign-ins/s of the auth-server, 8 clients",
      "sign-ins/s",
      server.map((round) => round.alone.perSecond),
    ),
    medianFigure(
      { measure: "`get-session` p99 while sign-ins run at full speed", goal: "< 50 ms", unit: "ms" },
      server.map((round) => round.sessions.p99),
      (p99) => p99 < 50,
    ),
    statedFigure(
      "event-loop delay p99 while the hasher runs, project native",
      "ms",
      eventLoopDelay("project-native"),
    ),
    statedFigure("same, Better Auth's pure-JS scrypt", "ms", eventLoopDelay("better-auth-pure-js")),
    statedFigure("same, Better Auth default", "ms", eventLoopDelay("better-auth-default")),
    medianFigure(
      { measure: "`GET /api/auth/jwks`, 16 connections", goal: "≥ 5,000 req/s", unit: "req/s" },
      jwks.map((round) => round.perSecond),
      (perSecond) => perSecond >= 5000,
    ),
    statedFigure(
      "`GET /api/auth/jwks` p99",
      "ms",
      jwks.map((round) => round.p99),
    ),
    failureCountFigure(
      "failed requests and verifications, all parts and rounds (total)",
      failed,
      jwks.length,
    ),
  ];
}
