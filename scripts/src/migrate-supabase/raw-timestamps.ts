import pg from "pg";

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

/**
 * Query type parsers that keep timestamps as the text PostgreSQL sent. A JavaScript Date keeps milliseconds
 * only; Supabase stores microseconds, and "createdAt kept" means kept exactly. Both pools run in UTC, so the same
 * instant always reads as the same text on either side.
 */
export const RAW_TIMESTAMPS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMPTZ || oid === TIMESTAMP
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};
