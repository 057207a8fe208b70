import type { LearnerProfileInput } from "./learner-profile.js";

// Registration answers wait here when the account needs its e-mail verified before anyone can sign in (and
// so before the profile-api can be called); the first signed-in visit then creates the profile from them.
const KEY = "textbook:pending-profile";

interface PendingProfile {
  email: string;
  input: LearnerProfileInput;
}

/** Keeps the registration answers of `email` until its first sign-in. Browser only. */
export function savePendingProfile(email: string, input: LearnerProfileInput): void {
  const pending: PendingProfile = { email: email.toLowerCase(), input };
  localStorage.setItem(KEY, JSON.stringify(pending));
}

/** The answers kept for `email`, if any. Browser only. */
export function readPendingProfile(email: string): LearnerProfileInput | null {
  try {
    const pending = JSON.parse(localStorage.getItem(KEY) ?? "null") as PendingProfile | null;
    return pending && pending.email === email.toLowerCase() ? pending.input : null;
  } catch {
    return null;
  }
}

/** Forgets the kept answers. Browser only. */
export function clearPendingProfile(): void {
  localStorage.removeItem(KEY);
}
