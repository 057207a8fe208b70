import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Root } from "mdast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remarkTranslatedLinks, translatedDocsDir } from "../../config/remark-translated-links.js";

let siteDir: string;

// A site with the intro translated into Urdu and a module chapter that is not.
beforeAll(async () => {
  siteDir = await mkdtemp(join(tmpdir(), "textbook-links-"));
  const files = [
    "docs/intro.md",
    "docs/glossary.md",
    "docs/01-foundations/01-what-is-physical-ai.md",
    `${translatedDocsDir("ur")}/intro.md`,
  ];
  for (const file of files) {
    await mkdir(dirname(join(siteDir, file)), { recursive: true });
    await writeFile(join(siteDir, file), "# A chapter\n");
  }
});

afterAll(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

/** The link URLs of a one-paragraph document at `source` (relative to the site) after the plugin ran. */
function linksAfter(source: string, urls: string[]): string[] {
  const links = urls.map((url) => ({ type: "link", url, children: [] }));
  const tree = { type: "root", children: [{ type: "paragraph", children: links }] } as unknown as Root;
  remarkTranslatedLinks({ siteDir, locale: "ur" })(tree, { path: join(siteDir, source) });
  return links.map((link) => link.url);
}

describe("links between translated and untranslated chapters", () => {
  it("points a translated chapter's link to an untranslated chapter at the English file", () => {
    expect(
      linksAfter(`${translatedDocsDir("ur")}/intro.md`, ["./01-foundations/01-what-is-physical-ai.md#goals"]),
    ).toEqual(["@site/docs/01-foundations/01-what-is-physical-ai.md#goals"]);
  });

  it("points an English chapter's link to a translated chapter at the translation", () => {
    expect(
      linksAfter("docs/01-foundations/01-what-is-physical-ai.md", ["../intro.md", "../glossary.md"]),
    ).toEqual([`@site/${translatedDocsDir("ur")}/intro.md`, "@site/docs/glossary.md"]);
  });

  it("leaves web links, anchors, absolute paths and links to missing files for Docusaurus", () => {
    const untouched = [
      "https://example.com/a.md",
      "#heading",
      "/docs/intro",
      "./missing.md",
      "../../outside.md",
    ];
    expect(linksAfter("docs/intro.md", untouched)).toEqual(untouched);
  });

  it("leaves files outside the docs alone", () => {
    expect(linksAfter("src/pages/notes.md", ["../../docs/intro.md"])).toEqual(["../../docs/intro.md"]);
  });
});
