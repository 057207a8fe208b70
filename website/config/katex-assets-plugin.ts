import { randomUUID } from "node:crypto";
import { copyFile, mkdir, readdir, rename } from "node:fs/promises";
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
 * Two dev servers copy at once under `npm start` (copyAtomically).
 */
export function katexAssetsPlugin(context: LoadContext): Plugin {
  return {
    name: "textbook-katex-assets",
    async loadContent() {
      const target = join(context.siteDir, "static", dirname(katexStylesheetPath));
      await mkdir(join(target, "fonts"), { recursive: true });
      // woff2 only: every browser that runs this site reads it; the CSS's woff/ttf fallbacks are never fetched.
      const fonts = (await readdir(join(KATEX_DIST, "fonts"))).filter((name) => name.endsWith(".woff2"));
      await Promise.all(
        ["katex.min.css", ...fonts.map((name) => join("fonts", name))].map((file) =>
          copyAtomically(join(KATEX_DIST, file), join(target, file)),
        ),
      );
    },
  };
}

/**
 * Copies a file under a name of its own (unique to this call), then renames it into place: `npm start` runs two dev servers (one per
 * locale) whose plugins copy the same files at the same moment, and a rename replaces a file in one step, so neither
 * ever sees the other's half-written file or trips over a folder the other has just made.
 */
async function copyAtomically(source: string, destination: string): Promise<void> {
  const partial = `${destination}.${randomUUID()}.partial`;
  await copyFile(source, partial);
  await rename(partial, destination);
}
