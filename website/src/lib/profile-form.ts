import {
  type BackgroundLevel,
  isAvatarUrl,
  isLanguageTag,
  isStorableText,
  type LabHardware,
  type LearnerProfile,
  PROFILE_LIMITS,
  textLength,
} from "@textbook/profile-api/contract";
import { type LearnerProfileInput, labHardwareOf } from "./learner-profile.js";

/** The profile as the forms edit it: free text where the API has lists or nulls. */
export interface ProfileDraft {
  displayName: string;
  avatarUrl: string;
  softwareBackground: BackgroundLevel | null;
  hardwareBackground: BackgroundLevel | null;
  labHardware: LabHardware[] | null;
  programmingLanguages: string;
  roboticsExperience: string;
  learningGoals: string;
  preferredLanguage: string;
}

export type DraftErrors = Partial<Record<keyof ProfileDraft, string>>;

/** A draft holding `profile`'s values (or an empty one named `displayName`). */
export function toDraft(profile: LearnerProfile | null, displayName = ""): ProfileDraft {
  return {
    displayName: profile?.displayName ?? displayName,
    avatarUrl: profile?.avatarUrl ?? "",
    // `none` is offered no more: it always meant what `beginner` means.
    softwareBackground:
      profile?.softwareBackground === "none" ? "beginner" : (profile?.softwareBackground ?? null),
    hardwareBackground: profile?.hardwareBackground ?? null,
    labHardware: profile ? labHardwareOf(profile) : null,
    // A migrated list may hold null or empty items; they have nothing to show or save.
    programmingLanguages: profile?.programmingLanguages.filter((language) => language).join(", ") ?? "",
    roboticsExperience: profile?.roboticsExperience ?? "",
    learningGoals: profile?.learningGoals ?? "",
    preferredLanguage: profile?.preferredLanguage ?? "en",
  };
}

/** The API input a draft stands for. */
export function fromDraft(draft: ProfileDraft): LearnerProfileInput {
  return {
    displayName: draft.displayName.trim(),
    avatarUrl: draft.avatarUrl.trim() || null,
    softwareBackground: draft.softwareBackground,
    hardwareBackground: draft.hardwareBackground,
    labHardware: draft.labHardware,
    programmingLanguages: parseLanguages(draft.programmingLanguages),
    roboticsExperience: draft.roboticsExperience.trim() || null,
    learningGoals: draft.learningGoals.trim() || null,
    preferredLanguage: draft.preferredLanguage.trim() || "en",
  };
}

/** "Python, C++ , python" → ["Python", "C++"]: trimmed, empty entries dropped, duplicates (any case) once. */
export function parseLanguages(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => {
      const key = item.toLowerCase();
      if (!item || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const UNSTORABLE = "Remove the invisible control characters (pasted text can carry them).";

/**
 * The API's write rules, from its contract (`@textbook/profile-api/contract`), checked before sending so errors
 * show next to the field. Lengths count code points, as the API does, so an emoji counts once.
 */
export function validateDraft(draft: ProfileDraft): DraftErrors {
  const limits = PROFILE_LIMITS;
  const errors: DraftErrors = {};
  const input = fromDraft(draft);
  const tooLong = (text: string | null, max: number) => text !== null && textLength(text) > max;
  if (!input.displayName) errors.displayName = "Enter the name to show on your profile.";
  else if (tooLong(input.displayName, limits.displayNameMaxLength))
    errors.displayName = `Use at most ${limits.displayNameMaxLength} characters.`;
  else if (!isStorableText(input.displayName)) errors.displayName = UNSTORABLE;
  if (input.avatarUrl && !isAvatarUrl(input.avatarUrl)) {
    errors.avatarUrl = tooLong(input.avatarUrl, limits.avatarUrlMaxLength)
      ? `Use an https:// address of at most ${limits.avatarUrlMaxLength} characters.`
      : "Use an https:// address of an image, or leave it empty.";
  }
  const languages = input.programmingLanguages;
  if (languages.length > limits.programmingLanguagesMaxItems)
    errors.programmingLanguages = `List at most ${limits.programmingLanguagesMaxItems} languages.`;
  else if (languages.some((language) => tooLong(language, limits.programmingLanguageMaxLength))) {
    errors.programmingLanguages = `Each language can have at most ${limits.programmingLanguageMaxLength} characters.`;
  } else if (!languages.every(isStorableText)) errors.programmingLanguages = UNSTORABLE;
  for (const field of ["roboticsExperience", "learningGoals"] as const) {
    const text = input[field];
    if (tooLong(text, limits.freeTextMaxLength))
      errors[field] = `Use at most ${limits.freeTextMaxLength} characters.`;
    else if (text !== null && !isStorableText(text)) errors[field] = UNSTORABLE;
  }
  if (!isLanguageTag(input.preferredLanguage)) {
    errors.preferredLanguage = "Use a language tag such as en, ur or pt-BR.";
  }
  return errors;
}
