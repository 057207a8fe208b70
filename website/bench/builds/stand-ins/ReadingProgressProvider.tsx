import type { ReactNode } from "react";
import type { ReadingProgressState } from "../../../src/components/progress/ReadingProgressProvider.js";

/** Build without reading progress (bench/builds): no reading progress. */
export function ReadingProgressProvider({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

const NONE: ReadingProgressState = {
  chapters: {},
  source: "local",
  offline: false,
  justSignedIn: false,
  record: () => undefined,
  reset: async () => undefined,
};

/** Nothing is ever recorded. */
export function useReadingProgress(): ReadingProgressState {
  return NONE;
}
