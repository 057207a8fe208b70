import type { BenchFigure, BenchResult } from "./bench-result.js";
import type { MachineDescription } from "./machine-description.js";

/** The markers around the one block of BENCHMARKS.md that `npm run bench` writes. */
export const BLOCK_START = "<!-- bench:run:start (written by npm run bench; edit outside these markers) -->";
export const BLOCK_END = "<!-- bench:run:end -->";

/** How one workspace's benchmark ended: its exit code, and the results it wrote (absent when it wrote none). */
export interface WorkspaceOutcome {
  workspace: string;
  exitCode: number;
  seconds: number;
  result?: BenchResult;
  /** Why the results file could not be used (missing, unreadable), when it could not. */
  problem?: string;
}

export interface BenchReport {
  machine: MachineDescription;
  finishedAt: string;
  outcomes: WorkspaceOutcome[];
}

const HEADING = "## Last `npm run bench` run (the figures to read first)";

/** The generated block, markers included, for a run of `npm run bench`. */
export function renderBenchReport({ machine, finishedAt, outcomes }: BenchReport): string {
  return [
    BLOCK_START,
    HEADING,
    "",
    ...machineLines(machine, finishedAt, outcomes),
    "",
    "*measured* is the median of the runs (for a ratio, the median of the per-run ratios, with both sides from",
    "that run). Each benchmark's output is in `bench-results/<workspace>.log`, its figures with every run's value in",
    "`bench-results/<workspace>.json`.",
    ...outcomes.flatMap(renderWorkspace),
    BLOCK_END,
  ].join("\n");
}

/** The block as it stands before `npm run bench` has run on an idle machine. */
export function placeholderBlock(): string {
  return [BLOCK_START, HEADING, "", "Not yet run by `npm run bench`.", BLOCK_END].join("\n");
}

/** `markdown` with its generated block replaced by `block` (inserted before the first section if it has none). */
export function replaceGeneratedBlock(markdown: string, block: string): string {
  const start = markdown.indexOf(BLOCK_START);
  const end = markdown.indexOf(BLOCK_END, start);
  if (start >= 0 && end > start)
    return markdown.slice(0, start) + block + markdown.slice(end + BLOCK_END.length);
  const firstSection = markdown.indexOf("\n## ");
  if (firstSection < 0) return `${markdown.trimEnd()}\n\n${block}\n`;
  return `${markdown.slice(0, firstSection)}\n${block}\n${markdown.slice(firstSection)}`;
}

function machineLines(
  machine: MachineDescription,
  finishedAt: string,
  outcomes: WorkspaceOutcome[],
): string[] {
  return [
    `- date: ${utc(machine.date)} to ${utc(finishedAt)}`,
    `- machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB memory (${machine.freeMemoryGiB} GiB free at start), load average at start ${machine.loadAverage}`,
    `- Node ${machine.node}, ${postgresLine(machine, outcomes)}`,
  ];
}

/** The PostgreSQL each benchmark reported using (they may differ: profile-api reads DATABASE_URL). */
function postgresLine(machine: MachineDescription, outcomes: WorkspaceOutcome[]): string {
  const byVersion = new Map<string, string[]>();
  for (const { workspace, result } of outcomes)
    if (result) byVersion.set(result.postgres, [...(byVersion.get(result.postgres) ?? []), workspace]);
  if (byVersion.size === 0) return machine.postgres;
  return [...byVersion].map(([version, workspaces]) => `${version} (${workspaces.join(", ")})`).join("; ");
}

function renderWorkspace(outcome: WorkspaceOutcome): string[] {
  const log = `\`bench-results/${outcome.workspace}.log\``;
  const heading = ["", `### ${outcome.workspace}`, ""];
  if (!outcome.result) {
    const why = outcome.problem ?? "no results written";
    return [
      ...heading,
      `**Failed** (exit ${outcome.exitCode}, ${why}, after ${outcome.seconds} s): see ${log}.`,
    ];
  }
  const exit = outcome.exitCode === 0 ? "" : `; **exited ${outcome.exitCode}**, see ${log}`;
  return [
    ...heading,
    `${outcome.result.settings}; ${outcome.result.postgres}; ${outcome.seconds} s${exit}.`,
    "",
    "| measure | goal | measured | runs | met |",
    "| --- | --- | --- | ---: | --- |",
    ...outcome.result.figures.map(
      (figure) =>
        `| ${cell(figure.measure)} | ${cell(figure.goal)} | ${cell(measured(figure))} | ${figure.runs} | ${met(figure.met)} |`,
    ),
  ];
}

/** The figure's value with its unit, then both sides of a ratio (or the parts of a figure) in brackets. */
export function measured(figure: BenchFigure): string {
  const value = withUnit(figure.value, figure.unit);
  if (!figure.sides?.length) return value;
  const sides = figure.sides.map((side) => `${side.label} ${number(side.value, figure.sidesUnit ?? "")}`);
  const joined = sides.length === 2 ? sides.join(" vs ") : sides.join(", ");
  return `${value} (${joined}${figure.sidesUnit ? ` ${figure.sidesUnit}` : ""})`;
}

function withUnit(value: number, unit: string): string {
  if (unit === "" || unit === "×") return `${number(value, unit)}${unit}`;
  return `${number(value, unit)} ${unit}`;
}

/** Two decimals for a ratio and values below 1, none for counts and values from 1,000 up, one otherwise. */
function number(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  const magnitude = Math.abs(value);
  if (unit === "×") return value.toFixed(2);
  const digits = Number.isInteger(value) || magnitude >= 1000 ? 0 : magnitude < 1 ? 2 : 1;
  return value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function met(value: boolean | null): string {
  if (value === null) return "—";
  return value ? "yes" : "**no**";
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function utc(iso: string): string {
  return `${iso.replace("T", " ").replace(/(\.\d+)?Z$/, "")} UTC`;
}
