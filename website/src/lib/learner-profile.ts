import type {
  BackgroundLevel,
  LabHardware,
  LearnerProfile,
  LearnerProfileReplacement,
} from "@textbook/profile-api/contract";

// The profile's fields, levels, lab hardware and rules come from the profile-api's contract
// (`@textbook/profile-api/contract`); this file holds only what the website adds: the levels its forms offer and how it reads a profile (level names, translated,
// are in `level-label.ts`).

/**
 * The software levels the forms offer: each changes what a chapter shows (beginners get the primers, advanced
 * readers the deep dives, intermediate readers the core text with both folded to one line). The API still takes
 * `none`, which reads as `beginner`: the two never differed.
 */
export const SOFTWARE_LEVELS: readonly BackgroundLevel[] = ["beginner", "intermediate", "advanced"];

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

/** What the forms PUT: every writable field, none left to the API's defaults. */
export type LearnerProfileInput = Required<LearnerProfileReplacement>;
