// PostgreSQL's `text` refuses NUL (SQLSTATE 22021), and a lone UTF-16 surrogate has no UTF-8 form: node-postgres
// would silently store U+FFFD instead. Either way the stored text would not be what was sent.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `value` as text exactly as it is (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}
