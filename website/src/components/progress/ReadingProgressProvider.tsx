import { useLocation } from "@docusaurus/router";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { useProfile } from "@site/src/components/profile/ProfileProvider.js";
import { mergeUpdates, type ProgressUpdate } from "@site/src/lib/progress/chapter-progress.js";
import {
  ANONYMOUS_KEY,
  addLocalProgress,
  type LocalProgress,
  outboxKey,
  readLocalProgress,
  writeLocalProgress,
} from "@site/src/lib/progress/local-progress-store.js";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { ContinueReadingNotice } from "./ContinueReadingNotice.js";
import { useProgressSync } from "./use-progress-sync.js";

export interface ReadingProgressState {
  /** What this browser knows per chapter: the account's progress with what is not sent yet, or local progress. */
  chapters: LocalProgress;
  /** `local`: a reader without an account (kept in this browser); `loading`: not known yet. */
  source: "loading" | "local" | "account";
  /** The profile-api could not be reached: progress is kept in this browser and sent later. */
  offline: boolean;
  /** The learner signed in in this tab (the moment to offer "Continue where you left off"). */
  justSignedIn: boolean;
  /** Records how far the learner got in a chapter (merged: nothing ever goes backwards). */
  record(update: Omit<ProgressUpdate, "visitedAt">): void;
  /** Forgets all progress (the account's, or this browser's). */
  reset(): Promise<void>;
}

const ReadingProgressContext = createContext<ReadingProgressState | null>(null);

/** Keeps the reader's progress: in the account when signed in (sent at most every 15 s), else in this browser. */
export function ReadingProgressProvider({ children }: { children: ReactNode }) {
  const { status: authStatus, user } = useAuth();
  const { api } = useProfile();
  const userId = authStatus === "signed-in" && api ? (user?.id ?? null) : null;
  const [chapters, setChapters] = useState<LocalProgress>({});
  const [source, setSource] = useState<ReadingProgressState["source"]>("loading");
  const [justSignedIn, setJustSignedIn] = useState(false);
  // Signed out at some point in this tab's life: becoming signed in later is a sign-in (the session may pass
  // through "loading" again while it is fetched after the sign-in).
  const wasSignedOut = useRef(false);
  // A sign-in provider sends the learner back to /welcome, a fresh page load that never saw them signed out.
  const { pathname } = useLocation();
  const welcomePath = useBaseUrl("/welcome");
  const arrivedFromProvider = pathname === welcomePath;
  const { start, add, reset: resetAccount, offline } = useProgressSync(api, userId, setChapters);

  useEffect(() => {
    if (authStatus === "signed-out") wasSignedOut.current = true;
    if (authStatus === "signed-in" && (wasSignedOut.current || arrivedFromProvider)) setJustSignedIn(true);
  }, [authStatus, arrivedFromProvider]);

  useEffect(() => {
    if (authStatus === "loading" || (authStatus === "signed-in" && !userId)) return;
    if (!userId) {
      setChapters(readLocalProgress(ANONYMOUS_KEY));
      setSource("local");
      return;
    }
    setSource("account");
    // Progress read before signing in joins the account: it moves to this learner's outbox, which the next
    // write (one PATCH, right now) sends; it leaves the browser once the profile-api has acknowledged it.
    const anonymous = Object.values(readLocalProgress(ANONYMOUS_KEY));
    for (const update of anonymous) addLocalProgress(outboxKey(userId), update);
    writeLocalProgress(ANONYMOUS_KEY, {});
    start();
  }, [authStatus, userId, start]);

  const record = useCallback(
    (change: Omit<ProgressUpdate, "visitedAt">) => {
      const update = { ...change, visitedAt: new Date().toISOString() };
      // Until the session is known, progress waits with the anonymous reader's, which joins the account later.
      if (userId) add(update);
      else addLocalProgress(ANONYMOUS_KEY, update);
      setChapters((known) => ({ ...known, [update.docId]: mergeUpdates(known[update.docId], update) }));
    },
    [userId, add],
  );

  const reset = useCallback(async () => {
    if (userId) await resetAccount();
    else writeLocalProgress(ANONYMOUS_KEY, {});
    setChapters({});
  }, [userId, resetAccount]);

  const value = useMemo(
    () => ({ chapters, source, offline, justSignedIn, record, reset }),
    [chapters, source, offline, justSignedIn, record, reset],
  );
  return (
    <ReadingProgressContext.Provider value={value}>
      {children}
      {justSignedIn ? <ContinueReadingNotice /> : null}
    </ReadingProgressContext.Provider>
  );
}

/** The reader's progress; only inside the site's Root. */
export function useReadingProgress(): ReadingProgressState {
  const state = useContext(ReadingProgressContext);
  if (!state)
    throw new Error("useReadingProgress() needs the ReadingProgressProvider of src/theme/Root.tsx.");
  return state;
}
