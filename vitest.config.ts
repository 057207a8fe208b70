import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const WORKSPACES = ["migrations", "dev-tools", "scripts", "auth-server", "profile-api", "website"];
const E2E = "test/e2e/**/*.test.{ts,tsx}";

// Components import Docusaurus's translation function, which exists only inside webpack; the website's Node
// tests get the English messages from a stand-in. `@site/` is the site's root, as Docusaurus resolves it.
const DOCUSAURUS_CLIENT_ALIASES = {
  "@site": fileURLToPath(new URL("./website", import.meta.url)),
  "@docusaurus/Translate": fileURLToPath(
    new URL("./website/test/helpers/docusaurus-translate.ts", import.meta.url),
  ),
};

export default defineConfig({
  test: {
    // Runs once for the whole run (not per project): one database server that every test file shares.
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      ...WORKSPACES.map((name) => ({
        resolve: name === "website" ? { alias: DOCUSAURUS_CLIENT_ALIASES } : undefined,
        test: {
          name,
          root: `./${name}`,
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, E2E],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      })),
      {
        // The website in Chromium. One site build for every file (its global setup starts it with the run), and
        // the files one after another, each with its own services on the ports that build has baked in.
        test: {
          name: "website-e2e",
          root: "./website",
          include: [E2E],
          globalSetup: ["./test/e2e/support/site-build-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          // The first file's beforeAll waits for the shared build of both locales (site-build.ts).
          hookTimeout: 1_800_000,
        },
      },
    ],
    // Two cores: more workers only add contention for the database and the browser.
    maxWorkers: 2,
  },
});
