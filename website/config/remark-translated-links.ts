import { existsSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import type { Root } from "mdast";

interface Node {
  type: string;
  url?: string;
  children?: Node[];
}

/** Where a locale's translated chapters live, relative to the site (Docusaurus's layout for the docs plugin). */
export function translatedDocsDir(locale: string): string {
  return join("i18n", locale, "docusaurus-plugin-content-docs", "current");
}

const CHAPTER_LINK = /^([^?#:]+\.mdx?)([?#].*)?$/i;

/**
 * A remark plugin (before Docusaurus's own link resolution) for the editions other than English. A translated
 * chapter is in `i18n/<locale>/…/current/`, an untranslated one is the English file in `docs/`, and Docusaurus
 * resolves a relative link (`../intro.md`) only inside the linking file's own folder tree: from a translated
 * chapter to an untranslated one, or from an English chapter to a translated one, the link would break the
 * build. This points each relative chapter link at the file that exists for that path in this edition, the
 * translation first (`@site/i18n/ur/…/intro.md`, else `@site/docs/intro.md`), which Docusaurus then resolves
 * to the edition's URL. Links to files that exist in neither place are left for Docusaurus to report.
 */
export function remarkTranslatedLinks({ siteDir, locale }: { siteDir: string; locale: string }) {
  const translated = join(siteDir, translatedDocsDir(locale));
  const original = join(siteDir, "docs");
  return (tree: Root, file: { path?: string }) => {
    const source = file.path;
    if (!source) return;
    const root = [translated, original].find((dir) => source.startsWith(`${dir}${sep}`));
    if (!root) return;
    const from = relative(root, dirname(source));
    const rewrite = (node: Node) => {
      if ((node.type === "link" || node.type === "definition") && node.url) {
        node.url = editionLink(node.url, from) ?? node.url;
      }
      for (const child of node.children ?? []) rewrite(child);
    };
    const editionLink = (url: string, fromDir: string): string | null => {
      const match = CHAPTER_LINK.exec(url);
      if (!match?.[1] || url.startsWith("/") || url.startsWith("@site/")) return null;
      const path = normalize(join(fromDir, decodeURIComponent(match[1])));
      if (path.startsWith("..")) return null;
      const target = [join(translated, path), join(original, path)].find((candidate) =>
        existsSync(candidate),
      );
      return target ? `@site/${relative(siteDir, target).split(sep).join("/")}${match[2] ?? ""}` : null;
    };
    rewrite(tree as Node);
  };
}
