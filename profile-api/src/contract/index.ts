/**
 * The profile-api's contract, for clients and the Supabase migration: field names, enums, limits, rules and the
 * request and response types. Imported as `@textbook/profile-api/contract`; it holds no server code, and its
 * JavaScript imports nothing, so a browser bundle gets only the constants it uses.
 */
export * from "./learner-profile.js";
export * from "./profile-rules.js";
export * from "./reading-progress.js";
export type {
  ApiErrorBody,
  ChapterProgressUpdate,
  LearnerProfile,
  LearnerProfilePatch,
  LearnerProfileReplacement,
  PersonalData,
  ReadingProgressPatch,
  StoredChapterProgress,
  StoredReadingProgress,
} from "./types.js";
