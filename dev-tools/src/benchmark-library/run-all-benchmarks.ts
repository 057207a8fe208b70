import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderBenchReport, replaceGeneratedBlock, type WorkspaceOutcome } from "./bench-report.js";
import { BENCH_RESULTS_DIR, benchResultSchema } from "./bench-result.js";
import { describeMachine } from "./machine-description.js";

/**
 * `npm run bench` at the root: describes the machine, runs every workspace's own benchmark one after another
 * (never in parallel: they would measure each other), keeping each one's output in bench-results/<workspace>.log,
 * then renders the figures each wrote to bench-results/<workspace>.json into the generated block of BENCHMARKS.md
 * (between the markers in bench-report.ts). The workspace sections below that block stay as their owners wrote them.
 *
 *   npm run bench                                    every workspace with a "bench" script
 *   npm run bench -- profile-api scripts             only the named workspaces
 *   npm run bench -- --args "scripts=--sizes 100000,1000000"   arguments for one workspace's benchmark
 *   npm run bench -- --dry-run                       describe the machine and list what would run, writing nothing
 *
 * The benchmarks inherit the environment: BENCH_RUNS (runs whose median is reported, default 3), BENCH_SECONDS
 * (phase length), BENCH_DATABASE_URL, BENCH_SIGN_INS; see each workspace's section of BENCHMARKS.md.
 * Exit code: 0 when every benchmark exited 0, 1 otherwise (a failed run or a missed budget), 2 on bad arguments.
 */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean", default: false }, args: { type: "string", multiple: true } },
  });
  const workspaces = await benchmarkedWorkspaces(positionals);
  const extraArgs = workspaceArguments(values.args ?? [], workspaces);
  const machine = await describeMachine(process.env.BENCH_DATABASE_URL);
  process.stderr.write(
    `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, load average ${machine.loadAverage}; Node ${machine.node}, ${machine.postgres}\n`,
  );
  for (const workspace of workspaces)
    process.stderr.write(`will run: npm run bench -w ${workspace}${argsText(extraArgs.get(workspace))}\n`);
  if (values["dry-run"]) return 0;

  await mkdir(BENCH_RESULTS_DIR, { recursive: true });
  const outcomes: WorkspaceOutcome[] = [];
  for (const workspace of workspaces)
    outcomes.push(await runBench(workspace, extraArgs.get(workspace) ?? []));
  const file = join(REPO_ROOT, "BENCHMARKS.md");
  const block = renderBenchReport({ machine, finishedAt: new Date().toISOString(), outcomes });
  await writeFile(file, replaceGeneratedBlock(await readFile(file, "utf8"), block));
  process.stderr.write(`\nBENCHMARKS.md: generated block rewritten\n`);
  return outcomes.every((outcome) => outcome.exitCode === 0 && outcome.result) ? 0 : 1;
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
  if (unknown.length) throw new UsageError(`no benchmark in: ${unknown.join(", ")}`);
  return withBench;
}

/** `--args "scripts=--sizes 1000"` → scripts: ["--sizes", "1000"]. */
function workspaceArguments(specs: string[], workspaces: string[]): Map<string, string[]> {
  const byWorkspace = new Map<string, string[]>();
  for (const spec of specs) {
    const [workspace = "", args = ""] = spec.split(/=(.*)/s);
    if (!workspaces.includes(workspace)) throw new UsageError(`--args names no benchmark to run: ${spec}`);
    byWorkspace.set(workspace, args.split(/\s+/).filter(Boolean));
  }
  return byWorkspace;
}

/**
 * Runs `npm run bench -w <workspace>`, its output both on this terminal and in bench-results/<workspace>.log, and
 * reads the results it wrote. A results file left by an earlier run is removed first, so it cannot pass for this one.
 */
async function runBench(workspace: string, args: string[]): Promise<WorkspaceOutcome> {
  const resultsFile = join(BENCH_RESULTS_DIR, `${workspace}.json`);
  await rm(resultsFile, { force: true });
  const started = Date.now();
  process.stderr.write(`\n== ${workspace}: npm run bench -w ${workspace}${argsText(args)}\n`);
  const log: Buffer[] = [];
  const child = spawn("npm", ["run", "bench", "-w", workspace, ...(args.length ? ["--", ...args] : [])], {
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
  await writeFile(join(BENCH_RESULTS_DIR, `${workspace}.log`), Buffer.concat(log));
  const seconds = Math.round((Date.now() - started) / 1000);
  try {
    const result = benchResultSchema.parse(JSON.parse(await readFile(resultsFile, "utf8")));
    return { workspace, exitCode, seconds, result };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { workspace, exitCode, seconds, problem: missing ? "no results written" : "unreadable results" };
  }
}

function argsText(args: string[] | undefined): string {
  return args?.length ? ` -- ${args.join(" ")}` : "";
}

class UsageError extends Error {}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`bench: ${error.message}`);
    const badArguments = (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS");
    process.exitCode = error instanceof UsageError || badArguments ? 2 : 1;
  },
);
