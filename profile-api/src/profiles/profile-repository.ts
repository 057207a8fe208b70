import type pg from "pg";
import { PROFILE_DEFAULTS } from "../contract/learner-profile.js";
import type { Profile, ProfilePatch, ProfileReplacement } from "../schemas/profile.js";
import { type Preconditions, preconditionsHold } from "./preconditions.js";

/** A profile with the row version its ETag is made from. */
export interface StoredProfile {
  profile: Profile;
  version: number;
}

export type WriteResult<Extra extends string = never> =
  | { status: "created" | "updated"; stored: StoredProfile }
  | { status: "precondition_failed" | Extra };

export interface ProfileRepository {
  find(userId: string): Promise<StoredProfile | undefined>;
  /** Creates the profile or replaces all of it. */
  /** Creates the profile or replaces all of it; "account_not_found" when the user row is gone. */
  replace(
    userId: string,
    input: ProfileReplacement,
    preconditions: Preconditions,
  ): Promise<WriteResult<"account_not_found">>;
  /** Applies a merge patch whose keys are the fields to change. */
  patch(userId: string, patch: ProfilePatch, preconditions: Preconditions): Promise<WriteResult<"not_found">>;
  remove(
    userId: string,
    preconditions: Preconditions,
  ): Promise<"deleted" | "not_found" | "precondition_failed">;
}

// API field → column. Only these names are ever put into SQL text; every value is a parameter.
const COLUMNS = {
  displayName: "display_name",
  avatarUrl: "avatar_url",
  softwareBackground: "software_background",
  hardwareBackground: "hardware_background",
  labHardware: "lab_hardware",
  programmingLanguages: "programming_languages",
  roboticsExperience: "robotics_experience",
  learningGoals: "learning_goals",
  preferredLanguage: "preferred_language",
} as const satisfies Record<keyof ProfileReplacement, string>;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];

const RETURNING = `RETURNING ${Object.values(COLUMNS).join(", ")}, created_at, updated_at, version`;

// The statements of a PUT: $1 is the user, $2… the fields in FIELDS order, then the If-Match versions.
const COLUMN_LIST = FIELDS.map((field) => COLUMNS[field]);
const SET_ALL = COLUMN_LIST.map((column, i) => `${column} = $${i + 2}`).join(", ");
const INSERT = `INSERT INTO profile (user_id, ${COLUMN_LIST.join(", ")})
  VALUES ($1, ${COLUMN_LIST.map((_, i) => `$${i + 2}`).join(", ")})`;
// Every write takes a version no profile has had, in this life or an earlier one (migrations/0008): an ETag read
// before a deletion never matches the profile created after it. New rows get one from the column's default.
const BUMP = "updated_at = now(), version = nextval('profile_version')";
const PUT_SQL = {
  // xmax is 0 on a row this statement inserted and set on one it updated: created (201) or replaced (200).
  upsert: `${INSERT} ON CONFLICT (user_id) DO UPDATE SET ${SET_ALL}, ${BUMP} ${RETURNING}, (xmax = 0) AS created`,
  createOnly: `${INSERT} ON CONFLICT (user_id) DO NOTHING ${RETURNING}, true AS created`,
  // If-Match applies only to a profile that exists: update it, never create (RFC 9110 §13.1.1).
  updateAny: `UPDATE profile SET ${SET_ALL}, ${BUMP} WHERE user_id = $1 ${RETURNING}, false AS created`,
  updateVersions: `UPDATE profile SET ${SET_ALL}, ${BUMP}
    WHERE user_id = $1 AND version = ANY($${FIELDS.length + 2}::bigint[]) ${RETURNING}, false AS created`,
};

/** The values a PUT stores: what was sent, with the contract's defaults for what was left out. */
function withDefaults(input: ProfileReplacement): Record<Field, unknown> {
  const values: Record<Field, unknown> = { ...PROFILE_DEFAULTS, displayName: input.displayName };
  for (const field of FIELDS) if (input[field] !== undefined) values[field] = input[field];
  return values;
}

/** All SQL of the profile table, parameterised, on the shared pool. */
export function createProfileRepository(pool: pg.Pool): ProfileRepository {
  const currentVersion = async (userId: string): Promise<number | undefined> => {
    const { rows } = await pool.query<{ version: string }>("SELECT version FROM profile WHERE user_id = $1", [
      userId,
    ]);
    return rows[0] ? Number(rows[0].version) : undefined;
  };
  const versionFilter = (preconditions: Preconditions, parameter: number) =>
    Array.isArray(preconditions.ifMatch) ? ` AND version = ANY($${parameter}::bigint[])` : "";

  return {
    async find(userId) {
      const { rows } = await pool.query(
        `SELECT ${Object.values(COLUMNS).join(", ")}, created_at, updated_at, version FROM profile WHERE user_id = $1`,
        [userId],
      );
      return rows[0] ? toStored(rows[0]) : undefined;
    },

    async replace(userId, input, preconditions) {
      const values = withDefaults(input);
      const parameters: unknown[] = [userId, ...FIELDS.map((field) => values[field])];
      let sql = PUT_SQL.upsert;
      if (preconditions.ifNoneMatch === "*") sql = PUT_SQL.createOnly;
      else if (preconditions.ifMatch === "*") sql = PUT_SQL.updateAny;
      else if (preconditions.ifMatch) {
        sql = PUT_SQL.updateVersions;
        parameters.push(preconditions.ifMatch);
      }
      let row: (ProfileRow & { created: boolean }) | undefined;
      try {
        row = (await pool.query<ProfileRow & { created: boolean }>(sql, parameters)).rows[0];
      } catch (error) {
        // foreign_key_violation: the account was deleted while its access token is still valid.
        if ((error as { code?: string }).code === "23503") return { status: "account_not_found" };
        throw error;
      }
      if (!row) return { status: "precondition_failed" };
      return { status: row.created ? "created" : "updated", stored: toStored(row) };
    },

    async patch(userId, patch, preconditions) {
      const fields = FIELDS.filter((field) => patch[field] !== undefined);
      if (fields.length === 0) {
        // An empty merge patch changes nothing; it still answers as a write would.
        const stored = await this.find(userId);
        if (!stored) return { status: "not_found" };
        if (!preconditionsHold(preconditions, stored.version)) return { status: "precondition_failed" };
        return { status: "updated", stored };
      }
      const parameters: unknown[] = [userId, ...fields.map((field) => patch[field])];
      const assignments = fields.map((field, i) => `${COLUMNS[field]} = $${i + 2}`).join(", ");
      const filter = versionFilter(preconditions, parameters.length + 1);
      if (Array.isArray(preconditions.ifMatch)) parameters.push(preconditions.ifMatch);
      const { rows } = await pool.query(
        `UPDATE profile SET ${assignments}, ${BUMP}
         WHERE user_id = $1${filter} ${RETURNING}`,
        parameters,
      );
      if (rows[0]) return { status: "updated", stored: toStored(rows[0]) };
      return { status: (await currentVersion(userId)) === undefined ? "not_found" : "precondition_failed" };
    },

    async remove(userId, preconditions) {
      const parameters: unknown[] = [userId];
      const filter = versionFilter(preconditions, 2);
      if (Array.isArray(preconditions.ifMatch)) parameters.push(preconditions.ifMatch);
      const { rowCount } = await pool.query(`DELETE FROM profile WHERE user_id = $1${filter}`, parameters);
      if (rowCount) return "deleted";
      return (await currentVersion(userId)) === undefined ? "not_found" : "precondition_failed";
    },
  };
}

// A row as pg returns it: each field's column holds the API's value (the CHECKs of migrations 0002 and 0009 keep the
// levels and lab hardware to the contract's values; a NULL list item migrated from Supabase stays null).
type ProfileRow = { [F in Field as (typeof COLUMNS)[F]]: Profile[F] } & {
  created_at: Date;
  updated_at: Date;
  /** bigint, which pg returns as a string; the sequence stays far below 2^53. */
  version: string;
};

function toStored(row: ProfileRow): StoredProfile {
  const fields = Object.fromEntries(FIELDS.map((field) => [field, row[COLUMNS[field]]])) as Pick<
    Profile,
    Field
  >;
  return {
    version: Number(row.version),
    profile: {
      ...fields,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
  };
}
