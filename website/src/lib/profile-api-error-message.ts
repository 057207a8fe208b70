import { translate } from "@docusaurus/Translate";
import { ProfileApiError } from "./profile-api-error.js";

/** Says, for a person, why a profile-api call failed; anything else thrown means it could not be reached. */
export function profileApiErrorMessage(error: unknown): string {
  if (!(error instanceof ProfileApiError)) return profileUnavailableMessage();
  switch (error.code) {
    case "validation_failed": {
      const problems = error.details.map(({ field, message }) => `${field} ${message}`).join("; ");
      return translate(
        { id: "profile.error.validationFailed", message: "Some answers need fixing: {problems}" },
        { problems: problems || error.message },
      );
    }
    case "unauthorized":
      return translate({
        id: "profile.error.unauthorized",
        message: "Your session has ended. Sign in again, then save.",
      });
    case "rate_limited":
      return translate({
        id: "profile.error.rateLimited",
        message: "Too many changes in a short time. Wait a minute, then save again.",
      });
    case "service_unavailable":
    case "database_unavailable":
      return profileUnavailableMessage();
    default:
      return translate(
        { id: "profile.error.other", message: "Your profile could not be saved: {reason}" },
        { reason: error.message },
      );
  }
}

/** The profile-api cannot be reached or has no database: nothing was saved, and trying later may work. */
export function profileUnavailableMessage(): string {
  return translate({
    id: "profile.error.unavailable",
    message:
      "The profile service is unavailable right now, so your changes are not saved yet. Try again in a moment.",
  });
}

/** The field errors of a `validation_failed` answer, by form field ("programmingLanguages.3" → its list). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ProfileApiError) || error.code !== "validation_failed") return {};
  return Object.fromEntries(error.details.map(({ field, message }) => [field.split(/[./[]/)[0], message]));
}
