import type { ProgressUpdate } from "@site/src/lib/progress/chapter-progress.js";
import { type RefObject, useEffect } from "react";

/** How long scrolling waits before the reading position is measured again. */
const MEASURE_DELAY_MS = 250;
/** A heading counts as passed once it has risen into the top 30 % of the window. */
const PASSED_LINE = 0.3;

/**
 * Measures how far the reader got in the chapter around `marker`: the fraction of the text above the bottom of
 * the window, and the last heading passed. A passive scroll listener only arms a timer, so nothing is measured
 * on every scroll event; `report` is called when the reader gets further (by 2 % or more, or to the end).
 */
export function useChapterTracking(
  marker: RefObject<HTMLElement | null>,
  docId: string | null,
  report: (update: Omit<ProgressUpdate, "visitedAt">) => void,
): void {
  useEffect(() => {
    const content = marker.current?.closest("article")?.querySelector<HTMLElement>(".theme-doc-markdown");
    if (!docId || !content) return;
    let furthest = -1;
    let timer: number | undefined;
    const measure = () => {
      timer = undefined;
      const box = content.getBoundingClientRect();
      const window_ = window.innerHeight;
      const atEnd = box.bottom <= window_;
      const fraction = atEnd ? 1 : Math.min(1, Math.max(0, (window_ - box.top) / box.height));
      if (fraction < furthest + 0.02 && !(atEnd && furthest < 1)) return;
      furthest = fraction;
      let anchor: string | null = null;
      for (const heading of Array.from(content.querySelectorAll<HTMLElement>("h2[id], h3[id]"))) {
        if (heading.getBoundingClientRect().top > window_ * PASSED_LINE) break;
        anchor = heading.id;
      }
      report({ docId, fraction: Math.round(fraction * 1000) / 1000, anchor, completed: atEnd });
    };
    const arm = () => {
      timer ??= window.setTimeout(measure, MEASURE_DELAY_MS);
    };
    measure();
    window.addEventListener("scroll", arm, { passive: true });
    window.addEventListener("resize", arm, { passive: true });
    return () => {
      window.removeEventListener("scroll", arm);
      window.removeEventListener("resize", arm);
      window.clearTimeout(timer);
    };
  }, [marker, docId, report]);
}
