import type pg from "pg";
import { PROGRESS_LIMITS } from "../contract/reading-progress.js";
import type { ChapterProgress, ChapterProgressInput } from "../schemas/progress.js";

export type MergeResult =
  | { status: "merged"; chapters: ChapterProgress[] }
  | { status: "limit_reached" }
  | { status: "account_not_found" };

export interface ProgressRepository {
  /** The learner's progress, most recently visited first. */
  list(userId: string): Promise<ChapterProgress[]>;
  /** Merges the chapters into the stored progress (the rules: migration 0007) and lists it all. */
  merge(userId: string, chapters: ChapterProgressInput[]): Promise<MergeResult>;
  /** Forgets all of the learner's progress. */
  clear(userId: string): Promise<void>;
}

const COLUMNS = "doc_id, fraction, anchor, completed_at, last_visited_at";
const ORDER = "ORDER BY last_visited_at DESC, doc_id";

const LIST_SQL = `SELECT ${COLUMNS} FROM reading_progress WHERE user_id = $1 ${ORDER}`;

// The merge of a PATCH: one statement, one transaction, one round trip. The rules and why it is a function are
// in migrations/0007_create_reading_progress_table.sql.
const MERGE_SQL = `SELECT ${COLUMNS}, chapters FROM merge_reading_progress($1, $2, $3, $4, $5, $6, $7) ${ORDER}`;

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
      let rows: (ProgressRow & { chapters: string })[];
      try {
        rows = (await pool.query<ProgressRow & { chapters: string }>(MERGE_SQL, parameters)).rows;
      } catch (error) {
        // foreign_key_violation: the account was deleted while its access token is still valid.
        if ((error as { code?: string }).code === "23503") return { status: "account_not_found" };
        throw error;
      }
      if (Number(rows[0]?.chapters ?? 0) > PROGRESS_LIMITS.chaptersPerLearner)
        return { status: "limit_reached" };
      return { status: "merged", chapters: rows.map(toChapter) };
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
