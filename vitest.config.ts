import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Components import Docusaurus's translation function, which exists only inside webpack; the website's Node
// tests get the English messages from a stand-in.
const DOCUSAURUS_CLIENT_ALIASES = {
  "@docusaurus/Translate": fromRoot("./website/test/helpers/docusaurus-translate.ts"),
};

const WORKSPACES = ["migrations", "scripts", "auth-server", "profile-api", "website"];

export default defineConfig({
  test: {
    // Runs once for the whole run (not per project): one database server that every test file shares.
    globalSetup: ["./test/global-setup.ts"],
    projects: WORKSPACES.map((name) => ({
      resolve: name === "website" ? { alias: DOCUSAURUS_CLIENT_ALIASES } : undefined,
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
