import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "@textbook/dev-tools/bench-result";
import type { BenchServer } from "./bench-server-process.js";
import { getSession, signedUpCookie } from "./bench-server-process.js";
import { closedLoop, type LoadResult } from "./closed-loop.js";
import { sampleResidentMemory } from "./resident-memory.js";
import type { UploadTally } from "./upload-clients.js";

const CLIENTS = fileURLToPath(new URL("./upload-clients.ts", import.meta.url));

/** One round of the upload benchmark. */
export interface UploadRound extends UploadTally {
  /** Peak resident memory during the uploads minus the median before them, in bytes. */
  riseBytes: number;
  sessions: LoadResult;
}

/** Runs upload-clients.ts in its own process and resolves with its tally. */
function runUploadClients(url: string, seconds: number): Promise<UploadTally> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLIENTS, url, String(seconds), "20"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += String(chunk);
    });
    child.once("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output) as UploadTally)
        : reject(new Error(`upload clients exited ${code}`)),
    );
  });
}

/**
 * 20 clients (another process) each upload 100 MB bodies one after the other (half declaring their length, half
 * chunked) for `seconds`, while this process calls get-session back to back; the server's resident memory is
 * sampled throughout.
 */
export async function uploadMemoryRound(server: BenchServer, seconds: number): Promise<UploadRound> {
  const cookie = await signedUpCookie(server, `uploads-${Date.now()}@example.com`, "benchmark password");
  for (let i = 0; i < 20; i++) await getSession(server, cookie); // warm-up
  const before = sampleResidentMemory(server.pid);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const baseline = median(await before.stop());

  const during = sampleResidentMemory(server.pid);
  const [tally, sessions] = await Promise.all([
    runUploadClients(server.url, seconds),
    closedLoop(1, seconds, () => getSession(server, cookie)),
  ]);
  const peak = Math.max(...(await during.stop()));
  return { ...tally, riseBytes: peak - baseline, sessions };
}
