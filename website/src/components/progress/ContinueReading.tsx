import Link from "@docusaurus/Link";
import Translate from "@docusaurus/Translate";
import { chapterToContinue } from "@site/src/lib/progress/chapter-progress.js";
import { findChapter, useChapterIndex } from "@site/src/lib/progress/use-chapter-index.js";
import { useReadingProgress } from "./ReadingProgressProvider.js";

/**
 * "Continue where you left off": the most recently visited chapter not completed, linking to its furthest
 * heading. Renders nothing until there is one, so give it a slot of its own height where it must not move text.
 */
export function ContinueReading({ className }: { className?: string }) {
  const { chapters } = useReadingProgress();
  const index = useChapterIndex();
  const next = chapterToContinue(Object.values(chapters));
  const chapter = next && index ? findChapter(index, next.docId) : undefined;
  if (!next || !chapter) return null;
  const to = next.anchor ? `${chapter.path}#${next.anchor}` : chapter.path;
  return (
    <p className={className} data-testid="continue-reading">
      <Translate
        id="progress.continue"
        description="Link to the chapter the learner was reading last"
        values={{ chapter: <Link to={to}>{chapter.title}</Link>, percent: Math.round(next.fraction * 100) }}
      >
        {"Continue where you left off: {chapter} ({percent}% read)"}
      </Translate>
    </p>
  );
}
