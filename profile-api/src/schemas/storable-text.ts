import Type, { type TStringOptions } from "typebox";
import { Format } from "typebox/format";

/** The JSON Schema format of text PostgreSQL can store as `text`; validation errors name it. */
export const STORABLE_TEXT = "storable-text";

// PostgreSQL's text refuses NUL (error 22021, answered as a 500 before this check). A lone UTF-16 surrogate is not
// a character at all: the driver would encode it as U+FFFD, so what is stored would differ from what was
// acknowledged. With the `u` flag a class of surrogates matches only unpaired ones, so emoji and every other
// character outside the BMP pass.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL text refuses.
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

Format.Set(STORABLE_TEXT, (value) => !UNSTORABLE.test(value));

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
