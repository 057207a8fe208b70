-- Creates `reading_progress` (issue 19, "Reading progress that follows the learner"): one row per learner and
-- chapter, gone with the learner. `doc_id` is the Docusaurus doc id (stable when a chapter's URL changes);
-- `fraction` is the furthest point reached (0–1) and `anchor` the id of the furthest heading reached there.
-- The merge rules (fraction never decreases, completed_at set once, ...) and the limit of 1,000 chapters per
-- learner are the profile-api's (profile-api/src/progress/); the checks here keep any writer to the value ranges.
-- The index serves "most recently visited first", the order every read of a learner's progress uses.

CREATE TABLE reading_progress (
  user_id uuid NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
  doc_id text NOT NULL CHECK (doc_id ~ '^[a-z0-9][a-z0-9/_-]{0,199}$'),
  fraction double precision NOT NULL CHECK (fraction >= 0 AND fraction <= 1),
  anchor text CHECK (char_length(anchor) BETWEEN 1 AND 200),
  completed_at timestamptz,
  last_visited_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, doc_id)
);

CREATE INDEX reading_progress_recent_idx ON reading_progress (user_id, last_visited_at DESC, doc_id);
