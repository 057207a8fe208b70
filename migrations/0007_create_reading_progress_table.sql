-- Creates `reading_progress` (issue 19, "Reading progress that follows the learner"): one row per learner and
-- chapter, gone with the learner. `doc_id` is the Docusaurus doc id (stable when a chapter's URL changes);
-- `fraction` is the furthest point reached (0–1) and `anchor` the id of the furthest heading reached there.
-- The index serves "most recently visited first", the order every read of a learner's progress uses.
-- `merge_reading_progress` is the profile-api's PATCH /v1/progress (profile-api/README.md, "Reading progress").

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

-- Merges one PATCH into a learner's progress and returns all of it, most recently visited first, each row with
-- `chapters`: how many chapters the learner would have after it (over the limit: nothing was written). $1 is the
-- learner, $2–$6 the chapters as parallel arrays (doc id, fraction, anchor, completed, visited at or NULL for
-- now), $7 the limit.
--
-- A function so that one round trip holds the learner's "user" row (FOR NO KEY UPDATE: another PATCH of the same
-- learner waits, foreign-key checks do not) and then merges with a snapshot taken after that lock (a VOLATILE
-- function takes a fresh snapshot per statement): the limit then holds exactly under racing PATCHes. PL/pgSQL
-- rather than SQL because it keeps its statements' plans for the session; a SQL function plans them on every call. The call is
-- one statement, so it is one transaction. A deleted learner has no row to lock; the insert then fails on the
-- foreign key.
--
-- The merge: `sent` folds a chapter named twice into one (the furthest point, completed if either is) and takes a
-- missing or future visit time as now. Per chapter, the fraction never decreases and the anchor comes with the
-- higher fraction; completed_at is set the first time and kept; last_visited_at is the later of the two. A row the
-- merge would not change is not written (the WHERE of DO UPDATE), so a body sent twice changes nothing, not even
-- updated_at. The statement does not see its own writes: the answer is the merged rows plus the untouched ones.
CREATE FUNCTION merge_reading_progress(uuid, text[], double precision[], text[], boolean[], timestamptz[], integer)
RETURNS TABLE (
  doc_id text,
  fraction double precision,
  anchor text,
  completed_at timestamptz,
  last_visited_at timestamptz,
  chapters bigint
)
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
BEGIN
PERFORM 1 FROM "user" WHERE id = $1 FOR NO KEY UPDATE;

RETURN QUERY
WITH sent AS (
  SELECT DISTINCT ON (doc_id) doc_id, fraction, anchor,
         bool_or(completed) OVER same AS completed,
         least(max(coalesce(visited_at, now())) OVER same, now()) AS visited_at
  FROM unnest($2, $3, $4, $5, $6) AS chapter (doc_id, fraction, anchor, completed, visited_at)
  WINDOW same AS (PARTITION BY doc_id)
  ORDER BY doc_id, fraction DESC, anchor IS NULL
),
total AS (
  SELECT (SELECT count(*) FROM reading_progress WHERE user_id = $1)
       + (SELECT count(*) FROM sent WHERE NOT EXISTS (
            SELECT 1 FROM reading_progress p WHERE p.user_id = $1 AND p.doc_id = sent.doc_id)) AS chapters
),
merged AS (
  INSERT INTO reading_progress AS p (user_id, doc_id, fraction, anchor, completed_at, last_visited_at)
  SELECT $1, doc_id, fraction, anchor, CASE WHEN completed THEN now() END, visited_at
  FROM sent
  WHERE (SELECT chapters FROM total) <= $7
  ON CONFLICT (user_id, doc_id) DO UPDATE SET
    fraction = greatest(p.fraction, excluded.fraction),
    anchor = CASE WHEN excluded.fraction > p.fraction THEN excluded.anchor ELSE p.anchor END,
    completed_at = coalesce(p.completed_at, excluded.completed_at),
    last_visited_at = greatest(p.last_visited_at, excluded.last_visited_at),
    updated_at = now()
  WHERE excluded.fraction > p.fraction
     OR (p.completed_at IS NULL AND excluded.completed_at IS NOT NULL)
     OR excluded.last_visited_at > p.last_visited_at
  RETURNING p.doc_id, p.fraction, p.anchor, p.completed_at, p.last_visited_at
)
SELECT doc_id, fraction, anchor, completed_at, last_visited_at, (SELECT chapters FROM total) FROM merged
UNION ALL
SELECT doc_id, fraction, anchor, completed_at, last_visited_at, (SELECT chapters FROM total)
FROM reading_progress
WHERE user_id = $1 AND doc_id NOT IN (SELECT doc_id FROM merged)
ORDER BY last_visited_at DESC, doc_id;
END
$$;
