import { BACKGROUND_LEVELS, PROFILE_DEFAULTS } from "@textbook/profile-api/contract";
import type { SourceUser, TargetProfile, Warning } from "./types.js";

// The profile's levels and defaults are the profile-api's contract (profile-api/src/contract/learner-profile.ts),
// the same values its API and the CHECK in migrations/0002_create_profile_table.sql accept.
const KNOWN_LEVELS: ReadonlySet<string> = new Set(BACKGROUND_LEVELS);

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
    if (value === null || KNOWN_LEVELS.has(value)) return value;
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
      programming_languages: from.programming_languages ?? [...PROFILE_DEFAULTS.programmingLanguages],
      robotics_experience: from.robotics_experience,
      learning_goals: from.learning_goals,
      preferred_language: from.preferred_language ?? PROFILE_DEFAULTS.preferredLanguage,
      created_at: createdAt,
      updated_at: from.updated_at ?? createdAt,
    },
    warnings,
  };
}
