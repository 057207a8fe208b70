import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_PARSE_FRONT_MATTER } from "@docusaurus/utils";
import { describe, expect, it } from "vitest";
import {
  componentTags,
  elementCounts,
  headingAnchors,
  linkTargets,
  maths,
  proseLines,
} from "./doc-structure.js";
import { findRunnableBlocks, parseFences } from "./runnable-blocks.js";

// A translated chapter is the same page in another language (issue 17): it runs the code the book tests in
// English, keeps the anchors that untranslated chapters link to, and shows the same components, maths, figures,
// answers and sources. Docusaurus reads translations from i18n/<locale>/docusaurus-plugin-content-docs/current.
const WEBSITE = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = join(WEBSITE, "docs");
const I18N = join(WEBSITE, "i18n");

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => name.split("\\").join("/"))
    .sort();
}

const translations = (existsSync(I18N) ? readdirSync(I18N) : []).flatMap((locale) => {
  const folder = join(I18N, locale, "docusaurus-plugin-content-docs/current");
  if (!existsSync(folder)) return [];
  return markdownFiles(folder).map((file) => ({
    locale,
    folder,
    file,
    text: readFileSync(join(folder, file), "utf8"),
    english: existsSync(join(DOCS, file)) ? readFileSync(join(DOCS, file), "utf8") : undefined,
  }));
});

async function frontMatter(file: string, text: string): Promise<Record<string, unknown>> {
  return (await DEFAULT_PARSE_FRONT_MATTER({ filePath: file, fileContent: text })).frontMatter;
}

describe("the book's translations", () => {
  it("include the Urdu intro, glossary and module 1", () => {
    const urdu = translations.filter(({ locale }) => locale === "ur").map(({ file }) => file);
    expect(urdu).toEqual(expect.arrayContaining(["intro.md", "glossary.md"]));
    const module1 = readdirSync(join(DOCS, "01-foundations")).filter((name) => /\.mdx?$/.test(name));
    expect(urdu).toEqual(expect.arrayContaining(module1.map((name) => `01-foundations/${name}`)));
  });

  it("are linked from untranslated English chapters from the docs root (/01-x/a.mdx), never with ./ or ../", () => {
    // In a locale build an English chapter's ./ or ../ link finds only English files, and a translated page has
    // replaced its English file: the build fails (facebook/docusaurus#10907). A root link finds either.
    const broken: string[] = [];
    for (const file of markdownFiles(DOCS)) {
      const text = readFileSync(join(DOCS, file), "utf8");
      for (const match of text.matchAll(/\]\((\.{1,2}\/[^)\s#]+\.mdx?)[#)]/g)) {
        const target = posix.join(posix.dirname(file), match[1] ?? "");
        const localesBreaking = translations.filter(
          (page) =>
            page.file === target &&
            !translations.some((other) => other.locale === page.locale && other.file === file),
        );
        if (localesBreaking.length > 0) broken.push(`docs/${file}: ${match[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe.each(translations)("translation $locale/$file", ({ locale, folder, file, text, english = "" }) => {
  it("translates a chapter that exists in English, under the same path", () => {
    expect(english, `docs/${file} is missing`).not.toBe("");
  });

  it("keeps id, slug and position, and translates title and description", async () => {
    const [ours, theirs] = await Promise.all([frontMatter(file, text), frontMatter(file, english)]);
    for (const key of ["id", "slug", "sidebar_position"]) expect(ours[key], key).toEqual(theirs[key]);
    for (const key of ["title", "description"]) {
      if (theirs[key] === undefined) continue;
      expect(ours[key], key).toEqual(expect.any(String));
      expect(ours[key], key).not.toEqual(theirs[key]);
    }
  });

  it("runs byte-identical runnable code and shows the same printed output", () => {
    const strip = ({ code, expectedOutput }: { code: string; expectedOutput: string | undefined }) => ({
      code,
      expectedOutput,
    });
    expect(findRunnableBlocks(file, text).map(strip)).toEqual(findRunnableBlocks(file, english).map(strip));
  });

  it("keeps every code block, in order and in the same language", () => {
    const languages = (source: string) => parseFences(source).map((fence) => fence.language);
    expect(languages(text)).toEqual(languages(english));
  });

  it("gives every heading the English heading's anchor, so links into the page keep working", () => {
    const anchors = headingAnchors(text);
    expect(anchors.filter((anchor) => !anchor.explicit).map(({ id }) => id)).toEqual([]);
    expect(anchors.map(({ level, id }) => ({ level, id }))).toEqual(
      headingAnchors(english).map(({ level, id }) => ({ level, id })),
    );
  });

  it("links to the same pages, anchors and sources", () => {
    expect(linkTargets(file, text)).toEqual(linkTargets(file, english));
  });

  it("links only to pages that exist, translated or in English", () => {
    // ./ and ../ links resolve only beside the translated file; /path links fall back to the English docs.
    const pageLinks = [...text.matchAll(/\]\(([^)\s#]+\.mdx?)(#[^)]*)?\)/g)].map((match) => match[1] ?? "");
    for (const target of pageLinks) {
      const found = target.startsWith("/")
        ? existsSync(join(folder, target)) || existsSync(join(DOCS, target))
        : existsSync(join(folder, file, "..", target));
      expect(found, `${target} from ${locale}/${file}`).toBe(true);
    }
  });

  it("keeps the imports, the components and their settings, and the maths", () => {
    const imports = (source: string) => source.split("\n").filter((line) => line.startsWith("import "));
    expect(imports(text)).toEqual(imports(english));
    expect(componentTags(text)).toEqual(componentTags(english));
    expect(maths(text)).toEqual(maths(english));
  });

  it("keeps every figure with its caption, and every collapsed answer", () => {
    const elements = ["figure", "figcaption", "details", "summary"];
    expect(elementCounts(text, elements)).toEqual(elementCounts(english, elements));
  });

  it.runIf(locale === "ur")("is written in Urdu, not left in English", () => {
    const prose = proseLines(text)
      .join("\n")
      .replace(/`[^`]*`|\]\([^)]*\)|<[^>]*>/g, "");
    const urdu = prose.match(/\p{Script=Arabic}/gu)?.length ?? 0;
    const latin = prose.match(/[A-Za-z]/g)?.length ?? 0;
    expect(urdu / (urdu + latin)).toBeGreaterThan(0.6);
  });
});
