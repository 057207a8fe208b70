import {
  type LabHardware,
  type LearnerProfile,
  type LearnerProfileInput,
  type Level,
  labHardwareOf,
} from "./learner-profile.js";

/** The profile as the forms edit it: free text where the API has lists or nulls. */
export interface ProfileDraft {
  displayName: string;
  avatarUrl: string;
  softwareBackground: Level | null;
  hardwareBackground: Level | null;
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

/** The API's write rules (docs/architecture.md), checked before sending so errors show next to the field. */
export function validateDraft(draft: ProfileDraft): DraftErrors {
  const errors: DraftErrors = {};
  const input = fromDraft(draft);
  if (!input.displayName) errors.displayName = "Enter the name to show on your profile.";
  else if (input.displayName.length > 120) errors.displayName = "Use at most 120 characters.";
  if (input.avatarUrl && !/^https:\/\/\S+$/.test(input.avatarUrl)) {
    errors.avatarUrl = "Use an https:// address of an image, or leave it empty.";
  }
  if (input.programmingLanguages.length > 20) errors.programmingLanguages = "List at most 20 languages.";
  else if (input.programmingLanguages.some((language) => language.length > 40)) {
    errors.programmingLanguages = "Each language can have at most 40 characters.";
  }
  if ((input.roboticsExperience?.length ?? 0) > 4000)
    errors.roboticsExperience = "Use at most 4000 characters.";
  if ((input.learningGoals?.length ?? 0) > 4000) errors.learningGoals = "Use at most 4000 characters.";
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.preferredLanguage)) {
    errors.preferredLanguage = "Use a language tag such as en, ur or pt-BR.";
  }
  return errors;
}
