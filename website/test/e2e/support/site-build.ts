import { readFile } from "node:fs/promises";
import { inject, vi } from "vitest";
import type { BuiltSite } from "./service-urls.js";

/** The one site build every e2e file shares, and the URLs baked into it. */
export interface SiteBuildPlan extends BuiltSite {
  /** Written when the build ends: `{ ok: true }` or `{ ok: false, message }`. */
  statusFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** See site-build-setup.ts (the `website-e2e` project's global setup). */
    siteBuild: SiteBuildPlan;
  }
}

/**
 * How long a file waits for the shared build: it starts with the run, on a machine busy with other suites, and
 * builds both locales (English and Urdu) one after the other, about twice as long as one.
 */
const BUILD_WAIT_MILLIS = 30 * 60_000;

/** Waits for the shared build (started by the global setup) and returns it; rejects with the build's output. */
export async function siteBuild(): Promise<SiteBuildPlan> {
  const plan = inject("siteBuild");
  const status = await vi.waitFor(
    () =>
      readFile(plan.statusFile, "utf8").then(
        (text) => JSON.parse(text) as { ok: boolean; message?: string },
        () => {
          throw new Error(
            `The shared site build did not finish within ${BUILD_WAIT_MILLIS / 60_000} minutes.`,
          );
        },
      ),
    { timeout: BUILD_WAIT_MILLIS, interval: 500 },
  );
  if (!status.ok) throw new Error(status.message);
  return plan;
}
