import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pollUntil } from "./poll.js";

export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const GARBAGE_PROBE = join(import.meta.dirname, "collect-garbage-on-message.ts");

/** Every child this run started, so a crash of the test run itself still kills them (see `killAllServices`). */
const running = new Set<ChildProcess>();

/** One service as a separate operating-system process, started the way production starts it. */
export interface ServiceProcess {
  name: string;
  url: string;
  pid: number;
  /** Resident memory of the process, from /proc. */
  rssBytes(): Promise<number>;
  /**
   * Resident memory right after a full garbage collection in the process, less its young generation (empty after
   * it, sized by V8 for the allocation rate); see collect-garbage-on-message.ts.
   */
  retainedBytesAfterGc(): Promise<number>;
  /** Sends `signal` and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  exited(): boolean;
}

/**
 * Spawns `node --import tsx <script>` with `env` (and nothing of the test's own environment beyond PATH), logs
 * to `<logDir>/<name>.log`, and resolves once `<url>/healthz` answers. The only additions to a production start
 * are `--expose-gc`, a preloaded probe that collects garbage on request (collect-garbage-on-message.ts) and its
 * IPC channel.
 */
export async function startService(options: {
  name: string;
  script: string;
  url: string;
  env: Record<string, string>;
  logDir: string;
}): Promise<ServiceProcess> {
  const log = createWriteStream(join(options.logDir, `${options.name}.log`), { flags: "a" });
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "--import", GARBAGE_PROBE, options.script],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  running.add(child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exit = new Promise<void>((done) => child.once("exit", () => done()));
  void exit.then(() => running.delete(child));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start`);

  const rssBytes = async () => {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return kilobytes * 1024;
  };
  const service: ServiceProcess = {
    name: options.name,
    url: options.url,
    pid,
    rssBytes,
    retainedBytesAfterGc: async () => {
      const { youngGenerationBytes } = await collectGarbage(child, options.name);
      return (await rssBytes()) - youngGenerationBytes;
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

/** Asks the probe in `child` for a full garbage collection; resolves once it is done, with what the probe saw. */
async function collectGarbage(child: ChildProcess, name: string): Promise<{ youngGenerationBytes: number }> {
  const answer = await new Promise<{ youngGenerationBytes?: number; error?: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not collect garbage within 10 s`)), 10_000);
    child.once("message", (message) => {
      clearTimeout(timer);
      done(message as { youngGenerationBytes?: number; error?: string });
    });
    // With a callback a closed channel (the process exited) rejects here instead of emitting an "error" event.
    child.send("collect-garbage", (error) => {
      if (error) {
        clearTimeout(timer);
        fail(error);
      }
    });
  });
  if (answer.youngGenerationBytes === undefined)
    throw new Error(`${name} could not collect garbage: ${answer.error ?? "no answer"}`);
  return { youngGenerationBytes: answer.youngGenerationBytes };
}

function delay(millis: number): Promise<void> {
  return new Promise((done) => setTimeout(done, millis));
}
