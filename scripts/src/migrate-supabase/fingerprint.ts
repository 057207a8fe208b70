/**
 * The fingerprint of each part of a migrated user, as SQL: the MD5 (hex) of the part's columns as a JSON array's
 * text, `["…", true, null, ["…", "…"]]` (", " between items, timestamps as text in UTC: every statement that computes
 * one runs with UTC_SETTINGS, read-in-utc.ts), the form every version has stored. `json_build_array` prints it a
 * fifth faster than `jsonb_build_array`, and alike for these columns; a list goes through `to_jsonb`, whose text
 * puts a space after each comma as the rest of the array does. Each builder takes a table alias; the mapped rows (map-users.ts) have
 * the target tables' column names, so the same expression fingerprints a row as mapped from Supabase and the live
 * row the reconciliation reads back (reconcile.ts): one definition for both sides.
 * MD5 detects change here; it guards against nothing adversarial, and nothing here needs it to.
 */

/**
 * A `"user"` row's columns that come from Supabase; `role` is not one of them: it is only a default for new users,
 * and an admin may have changed it here since.
 */
export const userFingerprint = (u: string) =>
  `md5(json_build_array(${u}.id, ${u}.name, ${u}.email, ${u}."emailVerified", ${u}.image, ${u}."createdAt"::text,
                         ${u}."updatedAt"::text, ${u}.banned, ${u}."banReason", ${u}."banExpires"::text)::text)`;

/** An `account` row, its password hash included. */
export const accountFingerprint = (a: string) =>
  `md5(json_build_array(${a}."providerId", ${a}."accountId", ${a}."userId", ${a}.password, ${a}."createdAt"::text,
                         ${a}."updatedAt"::text)::text)`;

/** An account's key in the stored fingerprints: (providerId, accountId) is unique in the target. */
export const accountKey = (a: string) => `jsonb_build_array(${a}."providerId", ${a}."accountId")::text`;

/** A `profile` row: every field, text and lists exactly as they are. */
export const profileFingerprint = (p: string) =>
  `md5(json_build_array(${p}.user_id, ${p}.display_name, ${p}.avatar_url, ${p}.software_background,
                         ${p}.hardware_background, to_jsonb(${p}.programming_languages), ${p}.robotics_experience,
                         ${p}.learning_goals, ${p}.preferred_language, ${p}.created_at::text,
                         ${p}.updated_at::text)::text)`;

/** An MD5 fingerprint (32 hex digits) as a bit(128), for XOR (`#`, `bit_xor`). */
export const fingerprintBits = (fingerprint: string) => `('x' || ${fingerprint})::bit(128)`;

/** A bit(128) as the 32 hex digits the import records keep (`supabase_import.fingerprint_xor`). */
export const bitsToHexSql = (bits: string) =>
  `lpad(to_hex(substring(${bits} FROM 1 FOR 64)::bigint), 16, '0') || lpad(to_hex(substring(${bits} FROM 65)::bigint), 16, '0')`;

/**
 * An order-independent fingerprint of a set of rows: the XOR of their MD5 fingerprints. Every part's canonical
 * form names its user, so a part cannot cancel out against another user's. The command adds up the XORs the
 * databases send per batch.
 */
export class SetFingerprint {
  private readonly words = new Uint32Array(4);

  /** Adds one fingerprint, or the XOR of several (32 hex digits). */
  add(fingerprint: string): void {
    const bytes = Buffer.from(fingerprint, "hex");
    for (let i = 0; i < 4; i++) this.words[i] = (this.words[i] ?? 0) ^ bytes.readUInt32BE(i * 4);
  }

  toString(): string {
    return [...this.words].map((word) => word.toString(16).padStart(8, "0")).join("");
  }
}

/** A bit(128) as PostgreSQL prints it (128 characters 0/1) to the 32 hex digits of an MD5. */
export function bitsToHex(bits: string): string {
  return BigInt(`0b${bits}`).toString(16).padStart(32, "0");
}
