import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pollUntil } from "./poll.js";

export const REPO_ROOT = resolve(import.meta.dirname, "../../..");

/** Every child this run started, so a crash of the test run itself still kills them (see `killAllServices`). */
const running = new Set<ChildProcess>();

/** One service as a separate operating-system process, started the way production starts it. */
export interface ServiceProcess {
  name: string;
  url: string;
  pid: number;
  /** Resident memory of the process, from /proc. */
  rssBytes(): Promise<number>;
  /** Sends `signal` and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  exited(): boolean;
}

/**
 * Spawns `node --import tsx <script>` with `env` (and nothing of the test's own environment beyond PATH), logs
 * to `<logDir>/<name>.log`, and resolves once `<url>/healthz` answers.
 */
export async function startService(options: {
  name: string;
  script: string;
  url: string;
  env: Record<string, string>;
  logDir: string;
}): Promise<ServiceProcess> {
  const log = createWriteStream(join(options.logDir, `${options.name}.log`), { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", options.script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exit = new Promise<void>((done) => child.once("exit", () => done()));
  void exit.then(() => running.delete(child));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start`);

  const service: ServiceProcess = {
    name: options.name,
    url: options.url,
    pid,
    rssBytes: async () => {
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kilobytes * 1024;
    },
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const killed = await Promise.race([exit.then(() => true), delay(10_000).then(() => false)]);
      if (!killed) {
        child.kill("SIGKILL");
        await exit;
      }
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
  };
  try {
    await pollUntil(`${options.name} to answer /healthz`, 60_000, async () => {
      if (service.exited()) throw new Error(`${options.name} exited at start; see ${options.logDir}`);
      const response = await fetch(`${options.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      return response.ok;
    });
  } catch (error) {
    await service.stop("SIGKILL");
    throw error;
  }
  return service;
}

/** Last-resort cleanup: SIGKILL every child still running (synchronous, so it also works in an exit handler). */
export function killAllServices(): void {
  for (const child of running) child.kill("SIGKILL");
}

function delay(millis: number): Promise<void> {
  return new Promise((done) => setTimeout(done, millis));
}
