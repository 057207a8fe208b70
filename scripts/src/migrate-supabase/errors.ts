/** Exit codes of the command (clig.dev: map failure modes to codes a script can act on). */
export const EXIT = { ok: 0, failed: 1, changesFound: 2, interrupted: 130 } as const;

/** A failure the operator can fix; its message says how, and no stack trace is shown. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/** A wrong flag or variable. */
export class UsageError extends MigrationError {
  override name = "UsageError";
}

/** Throws a MigrationError with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new MigrationError(message);
}
