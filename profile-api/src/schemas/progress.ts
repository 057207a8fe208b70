import Type, { type Static } from "typebox";
import { ANCHOR_PATTERN, DOC_ID_PATTERN, PROGRESS_LIMITS } from "../contract/reading-progress.js";

const docId = Type.String({
  pattern: DOC_ID_PATTERN,
  description: "The Docusaurus doc id, e.g. `ros2/nodes-and-topics` (stable when the chapter's URL changes).",
});

/** One chapter as a client reports it: how far the learner got, and when. */
export const ChapterProgressInput = Type.Object(
  {
    docId,
    fraction: Type.Number({ minimum: 0, maximum: 1, description: "How far into the chapter, 0–1." }),
    anchor: Type.Optional(
      Type.Union(
        [
          // No lone surrogates either (the pattern has the `u` flag), which the database could not store.
          Type.String({ pattern: ANCHOR_PATTERN, maxLength: 200 }),
          Type.Null(),
        ],
        { description: "The id of the furthest heading reached at that fraction, or null." },
      ),
    ),
    completed: Type.Optional(
      Type.Boolean({ description: "true: the learner finished the chapter (kept from the first time on)." }),
    ),
    visitedAt: Type.Optional(
      Type.String({
        format: "date-time",
        description: "When the learner read it (a time in the future counts as now); default: now.",
      }),
    ),
  },
  { title: "ChapterProgressInput", additionalProperties: false },
);
export type ChapterProgressInput = Static<typeof ChapterProgressInput>;

/** PATCH body: the chapters to merge into the stored progress. */
export const ProgressPatch = Type.Object(
  {
    chapters: Type.Array(ChapterProgressInput, {
      minItems: 1,
      maxItems: PROGRESS_LIMITS.chaptersPerPatch,
      description: "1–100 chapters; a chapter named twice counts once, with the furthest point of the two.",
    }),
  },
  { title: "ProgressPatch", additionalProperties: false },
);
export type ProgressPatch = Static<typeof ProgressPatch>;

/** One chapter's stored progress. */
export const ChapterProgress = Type.Object(
  {
    docId: Type.String(),
    fraction: Type.Number(),
    anchor: Type.Unsafe<string | null>({ type: ["string", "null"] }),
    completedAt: Type.Unsafe<string | null>({ type: ["string", "null"], format: "date-time" }),
    lastVisitedAt: Type.String({ format: "date-time" }),
  },
  { title: "ChapterProgress", additionalProperties: false },
);
export type ChapterProgress = Static<typeof ChapterProgress>;

/** The learner's progress, most recently visited chapter first. */
export const ReadingProgress = Type.Object(
  { chapters: Type.Array(ChapterProgress) },
  { title: "ReadingProgress", additionalProperties: false },
);
export type ReadingProgress = Static<typeof ReadingProgress>;
