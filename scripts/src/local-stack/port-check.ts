import { createServer } from "node:net";

/** Resolves when nothing listens on `port` at 127.0.0.1 (or the given host). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Throws one message naming every taken port and the variable that moves it. */
export async function assertPortsFree(ports: { port: number; variable: string }[]): Promise<void> {
  const taken: string[] = [];
  for (const { port, variable } of ports) {
    if (!(await isPortFree(port)))
      taken.push(`port ${port} is taken: stop what uses it, or set ${variable} to another port`);
  }
  if (taken.length) throw new Error(taken.join("\n"));
}
