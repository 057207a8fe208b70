import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const WEBSITE_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const DOCUSAURUS_CLI = join(
  dirname(createRequire(import.meta.url).resolve("@docusaurus/core/package.json")),
  "bin/docusaurus.mjs",
);

/**
 * Runs `docusaurus build` into `outDir` with `env` added (the service URLs are baked in at build time), from
 * `configFile` (relative to the website; the site's own `docusaurus.config.ts` by default).
 * Resolves when the build succeeds; rejects with the end of the build's output when it fails.
 */
export function buildSite(outDir: string, env: Record<string, string>, configFile?: string): Promise<void> {
  const config = configFile ? ["--config", configFile] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DOCUSAURUS_CLI, "build", "--out-dir", outDir, ...config], {
      cwd: WEBSITE_DIR,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`docusaurus build failed (exit ${code}):\n${output}`));
    });
  });
}
