import { mergeUpdates, type ProgressUpdate } from "./chapter-progress.js";

export type LocalProgress = Record<string, ProgressUpdate>;

/** Progress of a reader without an account, kept in this browser until they sign in. */
export const ANONYMOUS_KEY = "textbook:progress";
/** A signed-in learner's progress not yet acknowledged by the profile-api (sent later when it was down). */
export const outboxKey = (userId: string) => `textbook:progress:outbox:${userId}`;

/** The progress kept under `key`; empty when there is none, or storage is blocked or corrupt. */
export function readLocalProgress(key: string): LocalProgress {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as LocalProgress) : {};
  } catch {
    return {};
  }
}

/** Stores `progress` under `key` (removes the key when empty); a full or blocked storage is not an error. */
export function writeLocalProgress(key: string, progress: LocalProgress): void {
  try {
    if (Object.keys(progress).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(progress));
  } catch {
    // Private mode or a full quota: progress then lives only as long as the tab.
  }
}

/** Merges `update` into the progress under `key` and returns the result. */
export function addLocalProgress(key: string, update: ProgressUpdate): LocalProgress {
  const progress = readLocalProgress(key);
  progress[update.docId] = mergeUpdates(progress[update.docId], update);
  writeLocalProgress(key, progress);
  return progress;
}
