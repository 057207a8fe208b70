import { defineConfig } from "vitest/config";

/**
 * The system suite (`npm run test:system`): the whole platform as separate processes under faults and load.
 * One file at a time, no retries (a flaky scenario is a failure), generous per-test time limits because the
 * scenarios wait for real recoveries; each scenario bounds its own load in count and time.
 */
export default defineConfig({
  test: {
    name: "system",
    include: ["test/system/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
