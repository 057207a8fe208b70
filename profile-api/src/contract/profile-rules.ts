// The learner profile's limits and text rules, as the API's schemas state them (`../schemas/profile.ts` is built
// from them), for clients that check before sending. Imports nothing, so browser bundles can take it.

/** Lengths in Unicode code points (JSON Schema counts them so, not UTF-16 units) and list sizes. */
export const PROFILE_LIMITS = {
  displayNameMaxLength: 120,
  avatarUrlMaxLength: 2048,
  programmingLanguagesMaxItems: 20,
  programmingLanguageMaxLength: 40,
  freeTextMaxLength: 4000,
  preferredLanguageMaxLength: 35,
} as const;

/**
 * An avatar is an https URL with a host: `https://` then at least one character that ends no authority, then
 * optionally a path, query or fragment without spaces. The API also requires the JSON Schema `uri` format.
 */
export const AVATAR_URL_PATTERN = "^https://[^/?#\\s]+([/?#]\\S*)?$";

/** A well-formed BCP 47 tag: language, optional script, region and variants (RFC 5646 §2.1). */
export const LANGUAGE_TAG_PATTERN =
  "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$";

/** A display name needs one non-space character: it is stored trimmed and must not end up empty. */
export const DISPLAY_NAME_PATTERN = "\\S";

// PostgreSQL's text refuses NUL. A lone UTF-16 surrogate is not a character: the driver would store U+FFFD, not
// what was acknowledged. With the `u` flag a class of surrogates matches only unpaired ones, so emoji pass.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL text refuses.
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The length of `text` as JSON Schema's `minLength`/`maxLength` count it: in code points. */
export function textLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** Whether PostgreSQL can store `text` byte for byte (no NUL, no unpaired surrogate): the `storable-text` format. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

// Marked pure: a bundle that uses none of the rules below drops these constructions.
const LANGUAGE_TAG = /* @__PURE__ */ new RegExp(LANGUAGE_TAG_PATTERN);

// The API checks an avatar against the pattern and also the JSON Schema `uri` format (RFC 3986), which refuses
// what a URL must percent-encode (spaces, `<`, `"`, `{`, a stray `%`). This is that format's grammar for an
// `https://` URL with an authority: userinfo, host (an IP literal only loosely), port, path, query, fragment.
const PCT = "%[0-9a-f]{2}";
const AVATAR_URI = /* @__PURE__ */ new RegExp(
  `^https://(?:(?:[-a-z0-9._~!$&'()*+,;=:]|${PCT})*@)?` +
    `(?:\\[[0-9a-f:.v]+\\]|(?:[-a-z0-9._~!$&'()*+,;=]|${PCT})*)(?::\\d*)?` +
    `(?:/(?:[-a-z0-9._~!$&'()*+,;=:@]|${PCT})*)*` +
    `(?:\\?(?:[-a-z0-9._~!$&'()*+,;=:@/?]|${PCT})*)?` +
    `(?:#(?:[-a-z0-9._~!$&'()*+,;=:@/?]|${PCT})*)?$`,
  "i",
);
const AVATAR_URL = /* @__PURE__ */ new RegExp(AVATAR_URL_PATTERN);

/** Whether the API takes `url` as an avatar: the pattern, the `uri` format and the length. */
export function isAvatarUrl(url: string): boolean {
  return textLength(url) <= PROFILE_LIMITS.avatarUrlMaxLength && AVATAR_URL.test(url) && AVATAR_URI.test(url);
}

/** Whether `tag` is a language tag the API takes as `preferredLanguage`. */
export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag) && textLength(tag) <= PROFILE_LIMITS.preferredLanguageMaxLength;
}
