import { cp, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { LoadContext, Plugin } from "@docusaurus/types";

const require = createRequire(import.meta.url);
const KATEX_DIST = dirname(require.resolve("katex/dist/katex.min.css"));
const KATEX_VERSION = (require("katex/package.json") as { version: string }).version;

/** Where, under the site's base URL, KaTeX's stylesheet is served (versioned, so caches never mix releases). */
export const katexStylesheetPath = `katex/${KATEX_VERSION}/katex.min.css`;

/**
 * Serves KaTeX's stylesheet and fonts from the site (no CDN): before each build or dev start it copies them from
 * the installed `katex` package into `static/katex/<version>/` (git-ignored), which Docusaurus then serves as is.
 */
export function katexAssetsPlugin(context: LoadContext): Plugin {
  return {
    name: "textbook-katex-assets",
    async loadContent() {
      const target = join(context.siteDir, "static", dirname(katexStylesheetPath));
      await mkdir(target, { recursive: true });
      // The folder is per version, so a file already there is this file: keep it. Overwriting would race with
      // the other locale's dev server (npm start runs two) or a build started alongside, which unlink it.
      const keepExisting = { force: false, errorOnExist: false };
      await cp(join(KATEX_DIST, "katex.min.css"), join(target, "katex.min.css"), keepExisting);
      // woff2 only: every browser that runs this site reads it; the CSS's woff/ttf fallbacks are never fetched.
      await cp(join(KATEX_DIST, "fonts"), join(target, "fonts"), {
        ...keepExisting,
        recursive: true,
        filter: (source) => !/\.(woff|ttf)$/.test(source),
      });
    },
  };
}
