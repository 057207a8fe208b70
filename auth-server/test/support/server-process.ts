import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";

const SERVER = fileURLToPath(new URL("../../src/server.ts", import.meta.url));

/** The auth-server as its own process, started the way `npm start -w auth-server` starts it. */
export interface ServerProcess {
  /** Resolves when the process exits, with its exit code and everything it wrote to stderr. */
  exited: Promise<{ code: number | null; stderr: string }>;
  /** Everything the process has written so far, stdout (its JSON log) and stderr. */
  output(): string;
  /**
   * Resolves true once `GET <url>/healthz` answers 200, false if the process exits first; fails the test if
   * neither happens within a minute (a start on a loaded machine takes seconds).
   */
  healthy(url: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** Spawns `node --import tsx src/server.ts` with `env` as its whole environment (plus PATH). */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  let done = false;
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once("exit", (code) => {
      done = true;
      resolve({ code, stderr });
    }),
  );
  return {
    exited,
    output: () => stdout + stderr,
    healthy: (url) =>
      vi.waitFor(
        async () => {
          if (done) return false;
          const ok = await fetch(`${url}/healthz`).then(
            (response) => response.ok,
            () => false,
          );
          if (!ok) throw new Error(`${url}/healthz does not answer 200 yet`);
          return true;
        },
        { timeout: 60_000, interval: 200 },
      ),
    async stop() {
      if (!done) child.kill("SIGTERM");
      await exited;
    },
  };
}
