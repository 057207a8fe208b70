/** What a write requires of the stored profile, from `If-Match` / `If-None-Match` (RFC 9110 §13.1). */
export interface Preconditions {
  /** `*`: the profile must exist; a list: its version must be one of these. */
  ifMatch?: "*" | number[];
  /** `*`: the profile must not exist yet (create only). */
  ifNoneMatch?: "*";
}

/** True when a profile in `version` (undefined: none stored) satisfies the preconditions. */
export function preconditionsHold(preconditions: Preconditions, version: number | undefined): boolean {
  const { ifMatch, ifNoneMatch } = preconditions;
  if (ifNoneMatch === "*" && version !== undefined) return false;
  if (ifMatch === undefined) return true;
  if (version === undefined) return false;
  return ifMatch === "*" || ifMatch.includes(version);
}
