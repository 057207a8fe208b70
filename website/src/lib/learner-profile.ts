/** A background level, as the profile-api stores it (shared/ARCHITECTURE.md, "Learner profile"). */
export type Level = "none" | "beginner" | "intermediate" | "advanced";

export const LEVELS: readonly Level[] = ["none", "beginner", "intermediate", "advanced"];

export const LEVEL_LABELS: Record<Level, string> = {
  none: "None yet",
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
};

/** The learner profile as the profile-api returns it. */
export interface LearnerProfile {
  displayName: string;
  avatarUrl: string | null;
  softwareBackground: Level | null;
  hardwareBackground: Level | null;
  /** A null item only in a list migrated from Supabase (the API never writes one). */
  programmingLanguages: (string | null)[];
  roboticsExperience: string | null;
  learningGoals: string | null;
  preferredLanguage: string;
  createdAt: string;
  updatedAt: string;
}

/** The writable fields (what PUT takes). */
export type LearnerProfileInput = Omit<LearnerProfile, "createdAt" | "updatedAt" | "programmingLanguages"> & {
  programmingLanguages: string[];
};

/** Whether `value` is one of the known levels. */
export function isLevel(value: unknown): value is Level {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}
