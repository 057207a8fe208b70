import {
  type ChapterProgressUpdate,
  DOC_ID_PATTERN,
  type StoredChapterProgress,
} from "@textbook/profile-api/contract";

/** One chapter's progress as the profile-api stores it (`GET /v1/progress`). */
export type ChapterProgress = StoredChapterProgress;

/** One chapter's progress as a PATCH sends it (every field given), and as the browser keeps it until it is sent. */
export type ProgressUpdate = Required<ChapterProgressUpdate>;

/** Doc ids the profile-api takes; a doc with another id (a custom front-matter id) is not tracked. */
export const TRACKABLE_DOC_ID = new RegExp(DOC_ID_PATTERN);

/** Two updates of one chapter merged by the profile-api's rules: the furthest point, completed once, latest visit. */
export function mergeUpdates(stored: ProgressUpdate | undefined, sent: ProgressUpdate): ProgressUpdate {
  if (!stored) return sent;
  const further = sent.fraction > stored.fraction;
  return {
    docId: sent.docId,
    fraction: further ? sent.fraction : stored.fraction,
    anchor: further ? sent.anchor : stored.anchor,
    completed: stored.completed || sent.completed,
    visitedAt: sent.visitedAt > stored.visitedAt ? sent.visitedAt : stored.visitedAt,
  };
}

/** A stored chapter as an update, so local and account progress merge the same way. */
export function toUpdate(chapter: ChapterProgress): ProgressUpdate {
  return {
    docId: chapter.docId,
    fraction: chapter.fraction,
    anchor: chapter.anchor,
    completed: chapter.completedAt !== null,
    visitedAt: chapter.lastVisitedAt,
  };
}

/** The chapter to continue: the most recently visited one not completed, or null. */
export function chapterToContinue(chapters: Iterable<ProgressUpdate>): ProgressUpdate | null {
  let best: ProgressUpdate | null = null;
  for (const chapter of chapters) {
    if (!chapter.completed && (!best || chapter.visitedAt > best.visitedAt)) best = chapter;
  }
  return best;
}
