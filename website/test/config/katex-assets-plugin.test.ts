import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { LoadContext } from "@docusaurus/types";
import { afterEach, describe, expect, it } from "vitest";
import { katexAssetsPlugin, katexStylesheetPath } from "../../config/katex-assets-plugin.js";

const require = createRequire(import.meta.url);
const KATEX_DIST = dirname(require.resolve("katex/dist/katex.min.css"));

describe("the KaTeX assets plugin", () => {
  let siteDir = "";
  afterEach(() => rm(siteDir, { recursive: true, force: true }));

  // npm start runs one dev server per locale, and both copy the same files into a fresh clone's static/ at once.
  it("copies the stylesheet and woff2 fonts when several copies run at once into an empty folder", async () => {
    siteDir = await mkdtemp(join(tmpdir(), "katex-assets-"));
    const load = () => katexAssetsPlugin({ siteDir } as LoadContext).loadContent?.();
    await Promise.all([load(), load(), load(), load()]);
    const target = join(siteDir, "static", dirname(katexStylesheetPath));
    const expected = (await readdir(join(KATEX_DIST, "fonts")))
      .filter((name) => name.endsWith(".woff2"))
      .sort();
    expect((await readdir(join(target, "fonts"))).sort()).toEqual(expected);
    expect(await readFile(join(target, "katex.min.css"), "utf8")).toBe(
      await readFile(join(KATEX_DIST, "katex.min.css"), "utf8"),
    );
    await load();
    expect((await readdir(join(target, "fonts"))).sort()).toEqual(expected);
  });
});
