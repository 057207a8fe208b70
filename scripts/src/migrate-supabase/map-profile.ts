import type { SourceUser, TargetProfile, Warning } from "./types.js";

/** The background levels the platform personalises on (the CHECK in migrations/0002_create_profile_table.sql). */
export const BACKGROUND_LEVELS: ReadonlySet<string> = new Set([
  "none",
  "beginner",
  "intermediate",
  "advanced",
]);

/**
 * Maps `public.profiles` field by field. Text and arrays are kept exactly (the API's write rules are for writes
 * through the API, not for history); only a background level the platform does not know becomes NULL, with a
 * warning that keeps the original value.
 */
export function toTargetProfile(
  source: SourceUser,
  userName: string,
): { profile: TargetProfile | null; warnings: Warning[] } {
  const from = source.profile;
  if (from === null) return { profile: null, warnings: [] };
  const warnings: Warning[] = [];
  const level = (field: "software_background" | "hardware_background"): string | null => {
    const value = from[field];
    if (value === null || BACKGROUND_LEVELS.has(value)) return value;
    warnings.push({ id: source.id, field, value });
    return null;
  };
  const createdAt = from.created_at ?? source.createdAt ?? "1970-01-01 00:00:00+00";
  return {
    profile: {
      user_id: source.id,
      display_name: from.full_name ?? userName,
      avatar_url: from.avatar_url,
      software_background: level("software_background"),
      hardware_background: level("hardware_background"),
      // The target column is NOT NULL DEFAULT '{}': a missing list and an empty one mean the same there.
      programming_languages: from.programming_languages ?? [],
      robotics_experience: from.robotics_experience,
      learning_goals: from.learning_goals,
      preferred_language: from.preferred_language ?? "en",
      created_at: createdAt,
      updated_at: from.updated_at ?? createdAt,
    },
    warnings,
  };
}
