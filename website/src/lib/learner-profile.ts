/** A background level, as the profile-api stores it (docs/architecture.md, "Learner profile"). */
export type Level = "none" | "beginner" | "intermediate" | "advanced";

export const LEVELS: readonly Level[] = ["none", "beginner", "intermediate", "advanced"];

export const LEVEL_LABELS: Record<Level, string> = {
  none: "None yet",
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
};

/** What a learner can run the labs on (several may apply), as the profile-api stores it. */
export type LabHardware = "simulation" | "gpu" | "robot";

export const LAB_HARDWARE: readonly LabHardware[] = ["simulation", "gpu", "robot"];

/** Whether `value` is one of the known lab-hardware choices. */
export function isLabHardware(value: unknown): value is LabHardware {
  return typeof value === "string" && (LAB_HARDWARE as readonly string[]).includes(value);
}

/**
 * The software levels the forms offer: each changes what a chapter shows (beginners get the primers, advanced
 * readers the deep dives, intermediate readers the core text with both folded to one line). The API still takes
 * `none`, which reads as `beginner`: the two never differed.
 */
export const SOFTWARE_LEVELS: readonly Level[] = ["beginner", "intermediate", "advanced"];

/**
 * What a profile can run labs on: its answer, or for a profile from before the question (or from an older
 * client, or imported from Supabase), the hardware background mapped: intermediate and advanced, the levels that
 * got the real-robot lab, have a robot; none and beginner run the labs in simulation.
 */
export function labHardwareOf(
  profile: Pick<LearnerProfile, "labHardware" | "hardwareBackground">,
): LabHardware[] | null {
  if (profile.labHardware) return profile.labHardware;
  if (profile.hardwareBackground === null) return null;
  return profile.hardwareBackground === "intermediate" || profile.hardwareBackground === "advanced"
    ? ["simulation", "robot"]
    : ["simulation"];
}

/** The learner profile as the profile-api returns it. */
export interface LearnerProfile {
  displayName: string;
  avatarUrl: string | null;
  softwareBackground: Level | null;
  hardwareBackground: Level | null;
  /** Null until the learner answers; older profiles then fall back to `hardwareBackground`. */
  labHardware: LabHardware[] | null;
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
