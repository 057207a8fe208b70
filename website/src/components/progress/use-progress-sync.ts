import type { ProfileApiClient } from "@site/src/lib/profile-api-client.js";
import { ProfileApiError } from "@site/src/lib/profile-api-error.js";
import {
  type ChapterProgress,
  mergeUpdates,
  type ProgressUpdate,
  toUpdate,
} from "@site/src/lib/progress/chapter-progress.js";
import {
  addLocalProgress,
  type LocalProgress,
  outboxKey,
  readLocalProgress,
  writeLocalProgress,
} from "@site/src/lib/progress/local-progress-store.js";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";

/** At most one write per this many milliseconds per tab while reading (plus one when the page is hidden). */
export const WRITE_INTERVAL_MS = 15_000;
const PATCH_LIMIT = 100;

export interface ProgressSync {
  /** Sends what waits in the outbox now (the sign-in merge), or reads the account's progress. */
  start(): void;
  /** Keeps `update` in the outbox and sends it with the next write. */
  add(update: ProgressUpdate): void;
  /** Forgets the account's progress. */
  reset(): Promise<void>;
  /** The last attempt could not reach the profile-api. */
  offline: boolean;
}

/**
 * A signed-in learner's progress goes to an outbox in localStorage first, and from there to the profile-api at
 * most every 15 s, at once when the page is hidden (with `keepalive`, so the write survives the tab closing) and
 * when the network comes back. An entry leaves the outbox only once the API has acknowledged it unchanged.
 */
export function useProgressSync(
  api: ProfileApiClient | null,
  userId: string | null,
  show: Dispatch<SetStateAction<LocalProgress>>,
): ProgressSync {
  const [offline, setOffline] = useState(false);
  const state = useRef({ lastWrite: 0, timer: undefined as number | undefined, sending: false });

  const display = useCallback(
    (answer: ChapterProgress[], outbox: LocalProgress) => {
      const view: LocalProgress = {};
      for (const chapter of answer) view[chapter.docId] = toUpdate(chapter);
      for (const update of Object.values(outbox))
        view[update.docId] = mergeUpdates(view[update.docId], update);
      show(view);
    },
    [show],
  );

  // The next write waits until 15 s after the last one; it calls the current flush, which schedules again.
  const flushLater = useRef<() => Promise<void>>(async () => undefined);
  const schedule = useCallback(() => {
    const run = state.current;
    if (run.timer !== undefined) return;
    const wait = Math.max(0, run.lastWrite + WRITE_INTERVAL_MS - Date.now());
    run.timer = window.setTimeout(() => void flushLater.current(), wait);
  }, []);

  const flush = useCallback(
    async (keepalive = false) => {
      const run = state.current;
      window.clearTimeout(run.timer);
      run.timer = undefined;
      if (!api || !userId || run.sending) return;
      const key = outboxKey(userId);
      const sent = Object.values(readLocalProgress(key)).slice(0, PATCH_LIMIT);
      if (sent.length === 0) return;
      run.lastWrite = Date.now();
      run.sending = true;
      let answer: ChapterProgress[] | undefined;
      try {
        answer = await api.mergeProgress(sent, { keepalive });
        setOffline(false);
      } catch (error) {
        // A chapter the API refuses (invalid, or over the limit) would be refused forever: it is dropped.
        const refused = error instanceof ProfileApiError && error.status >= 400 && error.status < 500;
        if (!refused || error.status === 401 || error.status === 429) {
          setOffline(true);
          // Kept in the outbox; tried again 15 s later (not when signed out: the next sign-in sends it).
          if (!(error instanceof ProfileApiError && error.status === 401)) schedule();
          return;
        }
      } finally {
        run.sending = false;
      }
      const outbox = readLocalProgress(key);
      for (const update of sent) {
        if (JSON.stringify(outbox[update.docId]) === JSON.stringify(update)) delete outbox[update.docId];
      }
      writeLocalProgress(key, outbox);
      if (answer) display(answer, outbox);
      if (Object.keys(outbox).length > 0) schedule();
    },
    [api, userId, display, schedule],
  );
  flushLater.current = flush;

  const start = useCallback(() => {
    if (!api || !userId) return;
    const outbox = readLocalProgress(outboxKey(userId));
    if (Object.keys(outbox).length > 0) {
      void flush();
      return;
    }
    api.getProgress().then(
      (answer) => {
        setOffline(false);
        display(answer, readLocalProgress(outboxKey(userId)));
      },
      () => setOffline(true),
    );
  }, [api, userId, flush, display]);

  const add = useCallback(
    (update: ProgressUpdate) => {
      if (!userId) return;
      addLocalProgress(outboxKey(userId), update);
      schedule();
    },
    [userId, schedule],
  );

  const reset = useCallback(async () => {
    if (!api || !userId) return;
    await api.resetProgress();
    writeLocalProgress(outboxKey(userId), {});
  }, [api, userId]);

  useEffect(() => {
    if (!userId) return;
    const whenHidden = () => {
      if (document.visibilityState === "hidden") void flush(true);
    };
    const whenOnline = () => void flush();
    document.addEventListener("visibilitychange", whenHidden);
    window.addEventListener("online", whenOnline);
    return () => {
      document.removeEventListener("visibilitychange", whenHidden);
      window.removeEventListener("online", whenOnline);
      window.clearTimeout(state.current.timer);
      state.current.timer = undefined;
    };
  }, [userId, flush]);

  return { start, add, reset, offline };
}
