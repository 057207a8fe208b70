// Reading progress rules as plain values, importable by the website without server code (see learner-profile.ts).

/** Most chapters one PATCH may carry, and most chapters one learner may have progress for. */
export const PROGRESS_LIMITS = { chaptersPerPatch: 100, chaptersPerLearner: 1000 } as const;

/** A Docusaurus doc id the API keeps progress for, e.g. `ros2/nodes-and-topics`. */
export const DOC_ID_PATTERN = "^[a-z0-9][a-z0-9/_-]{0,199}$";

/**
 * A heading id: letters, marks and digits of any script (a translated chapter's ids), `_ - . :`; no spaces or
 * control characters. Needs the `u` flag, as the API's validator uses it.
 */
export const ANCHOR_PATTERN = "^[\\p{L}\\p{M}\\p{N}_.:-]{1,200}$";
