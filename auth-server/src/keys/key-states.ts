import type { StoredKey } from "./stored-key.js";

/** Where a key is in its life, as `keys list` prints it. */
export type KeyState = "next" | "signing" | "live" | "retired" | "expired";

export interface KeyStatus {
  kid: string;
  createdAt: Date;
  state: KeyState;
  /** For a person: until when the state lasts. */
  detail: string;
}

/**
 * Each key's state at `now`: `next` is published ahead of its start, `signing` the newest live key (Better Auth
 * signs with it), `live` an older one still within its interval, `retired` stopped but still in the JWKS for the
 * grace period, `expired` no longer published. Oldest first, like the table.
 */
export function keyStates(keys: StoredKey[], graceSeconds: number, now = Date.now()): KeyStatus[] {
  const isLive = (key: StoredKey) =>
    key.createdAt.getTime() <= now && (!key.expiresAt || key.expiresAt.getTime() > now);
  const signing = keys.filter(isLive).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return keys.map((key) => {
    const ends = key.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const unpublished = ends + graceSeconds * 1000;
    const at = (millis: number) => (Number.isFinite(millis) ? new Date(millis).toISOString() : "no end");
    const status = (state: KeyState, detail: string): KeyStatus => ({
      kid: key.id,
      createdAt: key.createdAt,
      state,
      detail,
    });
    if (key.createdAt.getTime() > now)
      return status("next", `published; signs from ${at(key.createdAt.getTime())}`);
    if (key === signing) return status("signing", `signs until ${at(ends)}`);
    if (isLive(key)) return status("live", `a newer key signs; valid until ${at(ends)}`);
    if (unpublished > now) return status("retired", `in the JWKS until ${at(unpublished)}`);
    return status("expired", "no longer in the JWKS");
  });
}
