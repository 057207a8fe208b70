import type { LoadedContent } from "@docusaurus/plugin-content-docs";
import type { Plugin } from "@docusaurus/types";

/** A chapter as the progress pages list it. */
export interface ChapterEntry {
  id: string;
  title: string;
  path: string;
}

/** The book's chapters in sidebar order, grouped by module (`label` null: the docs outside any module). */
export interface ChapterIndex {
  modules: { label: string | null; chapters: ChapterEntry[] }[];
}

interface SidebarItem {
  type: string;
  id?: string;
  label?: string;
  items?: SidebarItem[];
}

/**
 * Writes the chapter index (titles, paths, modules) to `.docusaurus/textbook-chapters/default/chapters.json`.
 * Only the pages that show progress import it, lazily (src/lib/progress/use-chapter-index.ts), so chapter pages
 * do not carry the titles of the whole book: the docs plugin's global data has paths but no titles.
 */
export function chaptersPlugin(): Plugin {
  return {
    name: "textbook-chapters",
    async allContentLoaded({ allContent, actions }) {
      const docs = allContent["docusaurus-plugin-content-docs"]?.default as LoadedContent | undefined;
      const version = docs?.loadedVersions[0];
      if (!version) return;
      const byId = new Map(version.docs.map((doc) => [doc.id, doc]));
      const modules: ChapterIndex["modules"] = [];
      const loose: ChapterEntry[] = [];
      const chaptersIn = (items: SidebarItem[]): ChapterEntry[] =>
        items.flatMap((item) => {
          if (item.type === "category") return chaptersIn(item.items ?? []);
          const doc = item.type === "doc" && item.id ? byId.get(item.id) : undefined;
          return doc ? [{ id: doc.id, title: doc.title, path: doc.permalink }] : [];
        });
      for (const item of (Object.values(version.sidebars)[0] ?? []) as SidebarItem[]) {
        if (item.type === "category") {
          modules.push({ label: item.label ?? null, chapters: chaptersIn(item.items ?? []) });
        } else loose.push(...chaptersIn([item]));
      }
      const index: ChapterIndex = {
        modules: [...(loose.length ? [{ label: null, chapters: loose }] : []), ...modules],
      };
      await actions.createData("chapters.json", JSON.stringify(index));
    },
  };
}
