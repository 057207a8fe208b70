import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "./build-site.js";
import { buildEnvironment, chooseServiceUrls } from "./service-urls.js";
import type { SiteBuildPlan } from "./site-build.js";

/**
 * Global setup of the `website-e2e` project: starts ONE `docusaurus build` for every browser test file, with the
 * service URLs it bakes in chosen here, and does not wait for it (the build overlaps the other projects' tests;
 * each e2e file waits for it through `siteBuild()`). E2E files run one after another (`fileParallelism: false`),
 * so each can start its own services on these ports.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), "textbook-site-build-"));
  const plan: SiteBuildPlan = {
    ...(await chooseServiceUrls()),
    buildDir: join(workDir, "build"),
    statusFile: join(workDir, "status.json"),
  };
  const building = buildSite(plan.buildDir, buildEnvironment(plan)).then(
    () => writeFile(plan.statusFile, JSON.stringify({ ok: true })),
    (error: Error) => writeFile(plan.statusFile, JSON.stringify({ ok: false, message: error.message })),
  );
  project.provide("siteBuild", plan);
  return async () => {
    await building;
    await rm(workDir, { recursive: true, force: true });
  };
}
