import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "./build-site.js";
import { freePort } from "./free-port.js";
import type { SiteBuildPlan } from "./site-build.js";

/**
 * Global setup of the `website-e2e` project: starts ONE `docusaurus build` for every browser test file, with the
 * service URLs it bakes in chosen here, and does not wait for it (the build overlaps the other projects' tests;
 * each e2e file waits for it through `siteBuild()`). E2E files run one after another (`fileParallelism: false`),
 * so each can start its own services on these ports.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [websitePort, authPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const workDir = await mkdtemp(join(tmpdir(), "textbook-site-build-"));
  const plan: SiteBuildPlan = {
    buildDir: join(workDir, "build"),
    statusFile: join(workDir, "status.json"),
    websiteUrl: `http://localhost:${websitePort}`,
    authUrl: `http://localhost:${authPort}`,
    profileApiUrl: `http://localhost:${apiPort}`,
  };
  const building = buildSite(plan.buildDir, {
    WEBSITE_URL: plan.websiteUrl,
    BETTER_AUTH_URL: plan.authUrl,
    PROFILE_API_URL: plan.profileApiUrl,
  }).then(
    () => writeFile(plan.statusFile, JSON.stringify({ ok: true })),
    (error: Error) => writeFile(plan.statusFile, JSON.stringify({ ok: false, message: error.message })),
  );
  project.provide("siteBuild", plan);
  return async () => {
    await building;
    await rm(workDir, { recursive: true, force: true });
  };
}
