// The contract's types are the TypeBox schemas' static types: one definition, checked by the compiler on both
// sides. Type-only imports, erased from JavaScript, so importing them never bundles TypeBox.
import type { Static } from "typebox";
import type { ErrorResponse } from "../schemas/error.js";
import type { PersonalDataExport } from "../schemas/export.js";
import type { Profile, ProfilePatch, ProfileReplacement } from "../schemas/profile.js";
import type {
  ChapterProgress,
  ChapterProgressInput,
  ProgressPatch,
  ReadingProgress,
} from "../schemas/progress.js";

/** A stored profile as `GET /v1/profiles/me` returns it. */
export type LearnerProfile = Static<typeof Profile>;
/** The body of `PUT /v1/profiles/me`: a whole profile, omitted optional fields taking their defaults. */
export type LearnerProfileReplacement = Static<typeof ProfileReplacement>;
/** The body of `PATCH /v1/profiles/me`: a JSON Merge Patch, `null` clearing a nullable field. */
export type LearnerProfilePatch = Static<typeof ProfilePatch>;
/** One chapter's stored progress. */
export type StoredChapterProgress = Static<typeof ChapterProgress>;
/** One chapter as `PATCH /v1/progress` takes it. */
export type ChapterProgressUpdate = Static<typeof ChapterProgressInput>;
/** The body of `PATCH /v1/progress`. */
export type ReadingProgressPatch = Static<typeof ProgressPatch>;
/** What `GET /v1/progress` returns. */
export type StoredReadingProgress = Static<typeof ReadingProgress>;
/** What `GET /v1/me/export` returns. */
export type PersonalData = Static<typeof PersonalDataExport>;
/** The one error body of every 4xx and 5xx. */
export type ApiErrorBody = Static<typeof ErrorResponse>;
