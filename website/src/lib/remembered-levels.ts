import { isBackgroundLevel, isLabHardware } from "@textbook/profile-api/contract";
import type { ReaderLevels } from "./personalisation.js";

// The last signed-in reader's levels, so that a freshly loaded chapter folds its blocks right after hydration
// instead of after the session and profile requests (which would shift the page under the reader).
const KEY = "textbook:reader-levels";

/** The levels remembered for `userId` (any user while it is not known yet), or null. Browser only. */
export function readRememberedLevels(userId: string | null): ReaderLevels | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as
      | (ReaderLevels & { userId: string })
      | null;
    if (!saved || (userId !== null && saved.userId !== userId)) return null;
    return {
      software: isBackgroundLevel(saved.software) ? saved.software : null,
      hardware: isBackgroundLevel(saved.hardware) ? saved.hardware : null,
      labHardware: Array.isArray(saved.labHardware) ? saved.labHardware.filter(isLabHardware) : null,
    };
  } catch {
    return null;
  }
}

/** Remembers `levels` as the signed-in reader's. Browser only. */
export function rememberLevels(userId: string, levels: ReaderLevels): void {
  localStorage.setItem(KEY, JSON.stringify({ userId, ...levels }));
}

/** Forgets the remembered levels (on sign-out). Browser only. */
export function forgetLevels(): void {
  localStorage.removeItem(KEY);
}
