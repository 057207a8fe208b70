import { useDoc } from "@docusaurus/plugin-content-docs/client";
import Translate from "@docusaurus/Translate";
import { TRACKABLE_DOC_ID } from "@site/src/lib/progress/chapter-progress.js";
import { useRef } from "react";
import styles from "./progress.module.css";
import { useReadingProgress } from "./ReadingProgressProvider.js";
import { useChapterTracking } from "./use-chapter-tracking.js";

/** Under every chapter: records how far the learner reads, and offers "Mark as done". */
export function ChapterProgressControls() {
  const { metadata } = useDoc();
  const { chapters, record } = useReadingProgress();
  const marker = useRef<HTMLDivElement>(null);
  const docId = TRACKABLE_DOC_ID.test(metadata.id) ? metadata.id : null;
  useChapterTracking(marker, docId, record);
  if (!docId) return null;
  const known = chapters[docId];
  const done = known?.completed === true;
  const markDone = () =>
    record({ docId, fraction: known?.fraction ?? 0, anchor: known?.anchor ?? null, completed: true });
  // The button is in the server-rendered page too, so marking it done changes a label, never the layout.
  return (
    <div ref={marker} className={styles.controls}>
      <button
        type="button"
        className={`button button--sm ${done ? "button--success" : "button--secondary"}`}
        onClick={markDone}
        disabled={done}
        aria-pressed={done}
      >
        {done ? (
          <Translate id="progress.chapter.done" description="Shown under a chapter the learner has completed">
            ✓ Done
          </Translate>
        ) : (
          <Translate id="progress.chapter.markAsDone" description="Button under a chapter">
            Mark as done
          </Translate>
        )}
      </button>
    </div>
  );
}
