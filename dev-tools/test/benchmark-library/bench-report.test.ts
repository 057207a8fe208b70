import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  BLOCK_END,
  BLOCK_START,
  placeholderBlock,
  renderBenchReport,
  replaceGeneratedBlock,
  type WorkspaceOutcome,
} from "../../src/benchmark-library/bench-report.js";
import { type BenchResult, ratioFigure } from "../../src/benchmark-library/bench-result.js";
import type { MachineDescription } from "../../src/benchmark-library/machine-description.js";

const machine: MachineDescription = {
  date: "2026-11-23T08:00:00Z",
  cpu: "AMD EPYC",
  cores: 2,
  memoryGiB: 23.5,
  freeMemoryGiB: 20.1,
  loadAverage: "0.12, 0.30, 0.41",
  node: "v20.20.2",
  postgres: "PostgreSQL 17.10.0 (embedded, started by each benchmark)",
};

const authServer: BenchResult = {
  workspace: "auth-server",
  finishedAt: "2026-11-23T08:02:00.000Z",
  settings: "6 s phases, 3 interleaved rounds",
  postgres: "PostgreSQL 17.10",
  figures: [
    ratioFigure(
      { measure: "sign-ins/s: native vs pure JS", goal: "≥ 2×", sidesUnit: "sign-ins/s" },
      { label: "native", values: [10, 12, 9] },
      { label: "pure JS", values: [5, 4, 6] },
      (ratio) => ratio >= 2,
    ),
    { measure: "get-session p99", goal: "< 50 ms", value: 61.25, unit: "ms", met: false, runs: 3 },
    { measure: "JWKS p99", goal: "stated", value: 11, unit: "ms", met: null, runs: 3 },
    { measure: "JWKS", goal: "≥ 5,000 req/s", value: 6411.4, unit: "req/s", met: true, runs: 3 },
  ],
};

const render = (outcomes: WorkspaceOutcome[]) =>
  renderBenchReport({ machine, finishedAt: "2026-11-23T08:09:30.120Z", outcomes });

describe("the benchmark report", () => {
  it("takes a ratio's median over the runs and shows both sides from the run it came from", () => {
    const [ratio] = authServer.figures;
    // Per-run ratios 2, 3 and 1.5: the median is run 0's, 10 vs 5.
    expect(ratio).toMatchObject({ value: 2, met: true, runs: 3, samples: [2, 3, 1.5] });
    expect(render([{ workspace: "auth-server", exitCode: 0, seconds: 120, result: authServer }])).toContain(
      "| sign-ins/s: native vs pure JS | ≥ 2× | 2.00× (native 10 vs pure JS 5 sign-ins/s) | 3 | yes |",
    );
  });

  it("gives every figure its goal, its value with the unit, and whether the goal was met", () => {
    const report = render([{ workspace: "auth-server", exitCode: 0, seconds: 120, result: authServer }]);
    expect(report).toContain("| get-session p99 | < 50 ms | 61.3 ms | 3 | **no** |");
    expect(report).toContain("| JWKS p99 | stated | 11 ms | 3 | — |");
    expect(report).toContain("| JWKS | ≥ 5,000 req/s | 6,411 req/s | 3 | yes |");
  });

  it("starts with the machine, the time of the run and the PostgreSQL each benchmark used", () => {
    const report = render([{ workspace: "auth-server", exitCode: 0, seconds: 120, result: authServer }]);
    expect(report.startsWith(BLOCK_START)).toBe(true);
    expect(report.endsWith(BLOCK_END)).toBe(true);
    expect(report).toContain("- date: 2026-11-23 08:00:00 UTC to 2026-11-23 08:09:30 UTC");
    expect(report).toContain(
      "2 × AMD EPYC, 23.5 GiB memory (20.1 GiB free at start), load average at start 0.12",
    );
    expect(report).toContain("- Node v20.20.2, PostgreSQL 17.10 (auth-server)");
  });

  it("shows a benchmark that wrote no results as failed instead of leaving it out", () => {
    const report = render([
      { workspace: "auth-server", exitCode: 0, seconds: 120, result: authServer },
      { workspace: "website", exitCode: 1, seconds: 30, problem: "no results written" },
    ]);
    expect(report).toContain(
      "### website\n\n**Failed** (exit 1, no results written, after 30 s): see `bench-results/website.log`.",
    );
  });

  it("keeps the figures of a benchmark that exited non-zero, and says that it did", () => {
    const report = render([{ workspace: "auth-server", exitCode: 1, seconds: 120, result: authServer }]);
    expect(report).toContain("**exited 1**, see `bench-results/auth-server.log`");
    expect(report).toContain("| JWKS | ≥ 5,000 req/s |");
  });

  it("escapes a pipe in a measure so the table keeps its columns", () => {
    const piped = { ...authServer, figures: [{ ...authServer.figures[1], measure: "a | b" }] } as BenchResult;
    expect(render([{ workspace: "auth-server", exitCode: 0, seconds: 1, result: piped }])).toContain(
      "| a \\| b |",
    );
  });
});

describe("rewriting BENCHMARKS.md", () => {
  const document = `# Benchmarks\n\nIntro.\n\n${placeholderBlock()}\n\n## auth-server\n\nBy hand.\n`;

  it("replaces only the text between the markers", () => {
    const next = replaceGeneratedBlock(document, `${BLOCK_START}\nnew\n${BLOCK_END}`);
    expect(next).toBe(
      `# Benchmarks\n\nIntro.\n\n${BLOCK_START}\nnew\n${BLOCK_END}\n\n## auth-server\n\nBy hand.\n`,
    );
  });

  it("puts the block before the first section of a file that has none yet", () => {
    const next = replaceGeneratedBlock("# Benchmarks\n\nIntro.\n\n## auth-server\n", "BLOCK");
    expect(next).toBe("# Benchmarks\n\nIntro.\n\nBLOCK\n\n## auth-server\n");
  });
});

describe("the repository's BENCHMARKS.md", () => {
  it("has exactly one generated block for npm run bench to rewrite", async () => {
    const markdown = await readFile(new URL("../../../BENCHMARKS.md", import.meta.url), "utf8");
    expect(markdown.split(BLOCK_START)).toHaveLength(2);
    expect(markdown.split(BLOCK_END)).toHaveLength(2);
    expect(markdown.indexOf(BLOCK_START)).toBeLessThan(markdown.indexOf(BLOCK_END));
  });
});
