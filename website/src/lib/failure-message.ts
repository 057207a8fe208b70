import { authErrorMessage, authUnavailableMessage } from "./auth-error-message.js";
import { AuthCallError } from "./auth-result.js";
import { ProfileApiError } from "./profile-api-error.js";
import { profileApiErrorMessage, profileUnavailableMessage } from "./profile-api-error-message.js";

/** The service a form talks to: a failure that is neither service's error answer means it could not be reached. */
export type FormService = "auth" | "profile";

/**
 * Puts any failure of a form's call into words for a person: a Better Auth error (`{ code, message, status }`), a
 * profile-api error answer, or anything thrown on the way (a network failure: `fetch` rejects with a TypeError).
 */
export function failureMessage(error: unknown, service: FormService): string {
  if (error instanceof AuthCallError) return authErrorMessage(error.detail);
  if (error instanceof ProfileApiError) return profileApiErrorMessage(error);
  return service === "auth" ? authUnavailableMessage() : profileUnavailableMessage();
}
