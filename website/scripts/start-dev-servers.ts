/**
 * `npm start -w website`: the site in development with both editions. `docusaurus start` serves one locale,
 * so this starts two dev servers: English on WEBSITE_PORT (3000) and Urdu on WEBSITE_UR_DEV_PORT (the next
 * port). The English one forwards `/ur/…` to the Urdu one (config/locale-dev-server-plugin.ts), so the reader
 * uses one address for both and the locale dropdown works. Ctrl-C stops both; if one stops, so does the other.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

const DOCUSAURUS_CLI = join(
  dirname(createRequire(import.meta.url).resolve("@docusaurus/core/package.json")),
  "bin/docusaurus.mjs",
);

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535 (got "${raw}").`);
  }
  return port;
}

/** Fails with the variable to change when `port` is taken (docusaurus would otherwise ask on the terminal). */
function assertFree(port: number, host: string, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} (${variable}) is in use; set ${variable} to a free port.`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function startDocusaurus(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [DOCUSAURUS_CLI, "start", "--no-open", ...args], {
    env,
    stdio: "inherit",
  });
}

async function main(): Promise<void> {
  const host = process.env.HOST || "127.0.0.1";
  const port = portFrom("WEBSITE_PORT", 3000);
  const urPort = portFrom("WEBSITE_UR_DEV_PORT", port + 1);
  await assertFree(port, host, "WEBSITE_PORT");
  await assertFree(urPort, host, "WEBSITE_UR_DEV_PORT");
  // The English server reaches the Urdu one on this machine, whatever address the reader uses.
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const env = { ...process.env, WEBSITE_UR_DEV_URL: `http://${reachable}:${urPort}` };
  const servers = [
    startDocusaurus(["--port", String(port), "--host", host], env),
    // A folder of generated files of its own: the two servers would otherwise overwrite each other's
    // (routes, i18n, the config), and each bundle would pick up the other locale's.
    startDocusaurus(["--locale", "ur", "--port", String(urPort), "--host", host], {
      ...env,
      DOCUSAURUS_GENERATED_FILES_DIR_NAME: ".docusaurus-ur",
    }),
  ];
  console.log(`[website] English on port ${port}; Urdu on port ${urPort}, also at /ur/ on port ${port}`);

  let exitCode: number | null = null;
  const stopAll = (signal: NodeJS.Signals) => {
    for (const server of servers) if (server.exitCode === null) server.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stopAll("SIGTERM"));
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) =>
          server.once("exit", (code) => {
            exitCode ??= code ?? 0;
            stopAll("SIGTERM");
            resolve();
          }),
        ),
    ),
  );
  process.exit(exitCode ?? 0);
}

main().catch((error: Error) => {
  console.error(`[website] ${error.message}`);
  process.exit(1);
});
