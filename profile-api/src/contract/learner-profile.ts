// The learner profile's fields, enums and defaults as plain values: this file imports nothing, so the
// website's webpack build and the Supabase migration can import it without pulling in TypeBox, Fastify or pg.
// The TypeBox schemas in `../schemas/profile.ts` are built from these values. The limits and text rules
// (lengths, patterns) are in `profile-rules.ts`: kept apart so a chapter page, which needs the levels, never
// bundles them.

/** The writable fields of a profile, in the order the API documents them. */
export const PROFILE_FIELDS = [
  "displayName",
  "avatarUrl",
  "softwareBackground",
  "hardwareBackground",
  "labHardware",
  "programmingLanguages",
  "roboticsExperience",
  "learningGoals",
  "preferredLanguage",
] as const;

/** The name of a writable profile field. */
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The background levels (the CHECK of `profile.software_background` / `hardware_background` in SQL). */
export const BACKGROUND_LEVELS = ["none", "beginner", "intermediate", "advanced"] as const;

/** A software or hardware background level. */
export type BackgroundLevel = (typeof BACKGROUND_LEVELS)[number];

/** What a learner can run the labs on (several may apply); the simulation lab is shown to everyone regardless. */
export const LAB_HARDWARE = ["simulation", "gpu", "robot"] as const;

/** One answer to "what can you run the labs on". */
export type LabHardware = (typeof LAB_HARDWARE)[number];

/** What a PUT stores for a field it leaves out (and what a migrated row without the value gets). */
export const PROFILE_DEFAULTS = {
  avatarUrl: null,
  softwareBackground: null,
  hardwareBackground: null,
  labHardware: null,
  programmingLanguages: [] as readonly string[],
  roboticsExperience: null,
  learningGoals: null,
  preferredLanguage: "en",
} as const;

/** Whether `value` is one of the background levels. */
export function isBackgroundLevel(value: unknown): value is BackgroundLevel {
  return typeof value === "string" && (BACKGROUND_LEVELS as readonly string[]).includes(value);
}

/** Whether `value` is one of the lab-hardware answers. */
export function isLabHardware(value: unknown): value is LabHardware {
  return typeof value === "string" && (LAB_HARDWARE as readonly string[]).includes(value);
}
