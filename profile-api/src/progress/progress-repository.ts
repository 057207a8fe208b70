import { withTransaction } from "@textbook/migrations/database";
import type pg from "pg";
import { type ChapterProgress, type ChapterProgressInput, PROGRESS_LIMITS } from "../schemas/progress.js";

export type MergeResult =
  | { status: "merged"; chapters: ChapterProgress[] }
  | { status: "limit_reached" }
  | { status: "account_not_found" };

export interface ProgressRepository {
  /** The learner's progress, most recently visited first. */
  list(userId: string): Promise<ChapterProgress[]>;
  /** Merges the chapters into the stored progress (the rules above MERGE_SQL) and lists it all. */
  merge(userId: string, chapters: ChapterProgressInput[]): Promise<MergeResult>;
  /** Forgets all of the learner's progress. */
  clear(userId: string): Promise<void>;
}

const COLUMNS = "doc_id, fraction, anchor, completed_at, last_visited_at";
const ORDER = "ORDER BY last_visited_at DESC, doc_id";

const LIST_SQL = `SELECT ${COLUMNS} FROM reading_progress WHERE user_id = $1 ${ORDER}`;

// Holds the learner's "user" row for the transaction, so two PATCHes of one learner run one after the other and
// the chapter limit holds exactly. FOR NO KEY UPDATE does not block the foreign-key checks (FOR KEY SHARE) of
// the learner's other writes, only another holder of this lock. No row: the account was deleted.
const LOCK_LEARNER_SQL = `SELECT 1 FROM "user" WHERE id = $1 FOR NO KEY UPDATE`;

/*
 * The whole merge of a PATCH in one statement ($1 the learner, $2–$6 the chapters as parallel arrays, $7 the
 * limit). `sent` folds a chapter named twice into one (the furthest point, completed if either is), and takes a
 * missing or future visit time as now. Then, per chapter: the fraction never decreases and the anchor comes with
 * the higher fraction; completed_at is set the first time and kept; last_visited_at is the later of the two. A row
 * the merge would not change is not written at all (the WHERE of DO UPDATE), so a body sent twice changes
 * nothing, not even updated_at. Nothing is written when the learner would pass the limit: `chapters` (the count
 * the write would leave) tells the caller. The statement's snapshot does not see its own writes, so the answer is
 * the merged rows plus the stored rows the merge did not touch.
 */
const MERGE_SQL = `
WITH sent AS (
  SELECT DISTINCT ON (doc_id) doc_id, fraction, anchor,
         bool_or(completed) OVER same AS completed,
         least(max(coalesce(visited_at, now())) OVER same, now()) AS visited_at
  FROM unnest($2::text[], $3::float8[], $4::text[], $5::bool[], $6::timestamptz[])
       AS chapter (doc_id, fraction, anchor, completed, visited_at)
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
  RETURNING ${COLUMNS}
)
SELECT ${COLUMNS}, (SELECT chapters FROM total) AS chapters FROM merged
UNION ALL
SELECT ${COLUMNS}, (SELECT chapters FROM total) FROM reading_progress
WHERE user_id = $1 AND doc_id NOT IN (SELECT doc_id FROM merged)
${ORDER}`;

/** All SQL of the reading_progress table, parameterised, on the shared pool. */
export function createProgressRepository(pool: pg.Pool): ProgressRepository {
  return {
    async list(userId) {
      const { rows } = await pool.query<ProgressRow>(LIST_SQL, [userId]);
      return rows.map(toChapter);
    },

    async merge(userId, chapters) {
      const parameters = [
        userId,
        chapters.map((chapter) => chapter.docId),
        chapters.map((chapter) => chapter.fraction),
        chapters.map((chapter) => chapter.anchor ?? null),
        chapters.map((chapter) => chapter.completed === true),
        chapters.map((chapter) => chapter.visitedAt ?? null),
        PROGRESS_LIMITS.chaptersPerLearner,
      ];
      return withTransaction(pool, async (client): Promise<MergeResult> => {
        const learner = await client.query(LOCK_LEARNER_SQL, [userId]);
        if (learner.rowCount === 0) return { status: "account_not_found" };
        const { rows } = await client.query<ProgressRow & { chapters: string }>(MERGE_SQL, parameters);
        if (Number(rows[0]?.chapters ?? 0) > PROGRESS_LIMITS.chaptersPerLearner)
          return { status: "limit_reached" };
        return { status: "merged", chapters: rows.map(toChapter) };
      });
    },

    async clear(userId) {
      await pool.query("DELETE FROM reading_progress WHERE user_id = $1", [userId]);
    },
  };
}

interface ProgressRow {
  doc_id: string;
  fraction: number;
  anchor: string | null;
  completed_at: Date | null;
  last_visited_at: Date;
}

function toChapter(row: ProgressRow): ChapterProgress {
  return {
    docId: row.doc_id,
    fraction: row.fraction,
    anchor: row.anchor,
    completedAt: row.completed_at?.toISOString() ?? null,
    lastVisitedAt: row.last_visited_at.toISOString(),
  };
}
