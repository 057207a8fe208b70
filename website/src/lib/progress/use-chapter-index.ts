import type { ChapterEntry, ChapterIndex } from "@site/config/chapters-plugin.js";
import { useEffect, useState } from "react";

/** The book's chapters by module (titles and paths), loaded lazily; null until it has arrived. */
export function useChapterIndex(): ChapterIndex | null {
  const [index, setIndex] = useState<ChapterIndex | null>(null);
  useEffect(() => {
    let live = true;
    // A chunk of its own: only the pages that show progress load the titles of the whole book.
    import("@generated/textbook-chapters/default/chapters.json").then((module) => {
      if (live) setIndex(module.default);
    });
    return () => {
      live = false;
    };
  }, []);
  return index;
}

/** The chapter whose doc id is `docId`, if the book has it. */
export function findChapter(index: ChapterIndex, docId: string): ChapterEntry | undefined {
  for (const module of index.modules) {
    const chapter = module.chapters.find((entry) => entry.id === docId);
    if (chapter) return chapter;
  }
  return undefined;
}
