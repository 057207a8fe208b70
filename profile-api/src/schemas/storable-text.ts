import Type, { type TStringOptions } from "typebox";
import { Format } from "typebox/format";
import { isStorableText } from "../contract/profile-rules.js";

/** The JSON Schema format of text PostgreSQL can store as `text`; validation errors name it. */
export const STORABLE_TEXT = "storable-text";

// PostgreSQL's text refuses NUL and unpaired surrogates; the contract says why (`isStorableText`).
Format.Set(STORABLE_TEXT, isStorableText);

/** Why a value failed the format, for the `details` of a 400. */
export const UNSTORABLE_TEXT_MESSAGE =
  "must not contain NUL characters (\\u0000) or unpaired UTF-16 surrogates, which cannot be stored";

/**
 * A string field that must be storable as PostgreSQL `text`. A custom format rather than a pattern: a client's
 * validator that does not know it skips it, while a pattern of surrogates read without the `u` flag would refuse
 * every emoji.
 */
export function StorableText(options: TStringOptions = {}) {
  return Type.String({ ...options, format: STORABLE_TEXT });
}
