import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine, type MachineDescription } from "./machine-description.js";

/**
 * `npm run bench` at the root: records the machine and the date at the top of BENCHMARKS.md, then runs every
 * workspace's own benchmark one after another (never in parallel: they would measure each other), keeping each
 * one's output in bench-results/<workspace>.log. The workspace sections of BENCHMARKS.md stay as their owners wrote
 * them; the summary block between the markers below is the only part this script rewrites.
 *
 *   npm run bench                      every workspace with a "bench" script
 *   npm run bench -- profile-api       only the named workspaces
 *   npm run bench -- --dry-run         describe the machine and list what would run, writing nothing
 */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const START = "<!-- bench:run:start (written by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:run:end -->";

interface Outcome {
  workspace: string;
  exitCode: number;
  seconds: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const only = args.filter((arg) => !arg.startsWith("--"));
  const workspaces = await benchmarkedWorkspaces(only);
  const machine = await describeMachine(process.env.BENCH_DATABASE_URL);
  process.stderr.write(`${formatMachine(machine)}\nworkspaces: ${workspaces.join(", ")}\n`);
  if (dryRun) return;

  await mkdir(join(REPO_ROOT, "bench-results"), { recursive: true });
  const outcomes: Outcome[] = [];
  for (const workspace of workspaces) outcomes.push(await runBench(workspace));
  await writeSummary(machine, outcomes);
  process.exitCode = outcomes.every((outcome) => outcome.exitCode === 0) ? 0 : 1;
}

async function benchmarkedWorkspaces(only: string[]): Promise<string[]> {
  const root = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as {
    workspaces: string[];
  };
  const withBench: string[] = [];
  for (const workspace of root.workspaces) {
    const manifest = JSON.parse(await readFile(join(REPO_ROOT, workspace, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    if (manifest.scripts?.bench && (only.length === 0 || only.includes(workspace))) withBench.push(workspace);
  }
  const unknown = only.filter((name) => !withBench.includes(name));
  if (unknown.length) throw new Error(`no benchmark in: ${unknown.join(", ")}`);
  return withBench;
}

/** Runs `npm run bench -w <workspace>`, its output both on this terminal and in bench-results/<workspace>.log. */
async function runBench(workspace: string): Promise<Outcome> {
  const started = Date.now();
  process.stderr.write(`\n== ${workspace}: npm run bench -w ${workspace}\n`);
  const log: Buffer[] = [];
  const child = spawn("npm", ["run", "bench", "-w", workspace], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      log.push(chunk);
      process.stderr.write(chunk);
    });
  }
  const exitCode = await new Promise<number>((done) => child.on("close", (code) => done(code ?? 1)));
  await writeFile(join(REPO_ROOT, "bench-results", `${workspace}.log`), Buffer.concat(log));
  return { workspace, exitCode, seconds: Math.round((Date.now() - started) / 1000) };
}

function formatMachine(machine: MachineDescription): string {
  return [
    `- date: ${machine.date}`,
    `- machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB memory (${machine.freeMemoryGiB} GiB free at start), load average at start ${machine.loadAverage}`,
    `- Node ${machine.node}, ${machine.postgres}`,
  ].join("\n");
}

async function writeSummary(machine: MachineDescription, outcomes: Outcome[]): Promise<void> {
  const file = join(REPO_ROOT, "BENCHMARKS.md");
  const current = await readFile(file, "utf8");
  const rows = outcomes.map(
    (outcome) =>
      `| ${outcome.workspace} | ${outcome.exitCode === 0 ? "ok" : `failed (exit ${outcome.exitCode})`} | ${outcome.seconds} | bench-results/${outcome.workspace}.log |`,
  );
  const block = [
    START,
    "## Last full run",
    "",
    formatMachine(machine),
    "",
    "| workspace | result | seconds | output |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "Each workspace's figures, with their goals, are in its section below.",
    END,
  ].join("\n");
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : current.replace(/\n## /, `\n${block}\n\n## `);
  await writeFile(file, next);
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
