import { readFile } from "node:fs/promises";

/** Resident memory of process `pid` in bytes (Linux: VmRSS of /proc/<pid>/status). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`no VmRSS for process ${pid}`);
  return kib * 1024;
}

/** Samples a process's resident memory every `everyMillis` until stopped; returns the samples. */
export function sampleResidentMemory(pid: number, everyMillis = 50) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push(await residentBytes(pid));
      await new Promise((resolve) => setTimeout(resolve, everyMillis));
    }
  })();
  return {
    async stop(): Promise<number[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}
