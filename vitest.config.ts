import { defineConfig } from "vitest/config";

const WORKSPACES = ["migrations", "scripts", "auth-server", "profile-api", "website"];

export default defineConfig({
  test: {
    // Runs once for the whole run (not per project): one database server that every test file shares.
    globalSetup: ["./test/global-setup.ts"],
    projects: WORKSPACES.map((name) => ({
      test: {
        name,
        root: `./${name}`,
        include: ["test/**/*.test.{ts,tsx}"],
        testTimeout: 30_000,
        hookTimeout: 120_000,
      },
    })),
    // Two cores: more workers only add contention for the database and the browser.
    maxWorkers: 2,
  },
});
