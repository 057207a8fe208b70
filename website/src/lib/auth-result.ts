import type { AuthErrorLike } from "./auth-error-message.js";

/** A Better Auth client call answered with `{ error }`: thrown so that forms handle every failure in one place. */
export class AuthCallError extends Error {
  constructor(readonly detail: AuthErrorLike) {
    super(detail.message ?? detail.code ?? `The auth-server answered ${detail.status ?? "nothing"}.`);
    this.name = "AuthCallError";
  }
}

/** The `data` of a Better Auth client result; throws `AuthCallError` when the result holds an `error`. */
export function authData<T>(result: { data: T | null; error: AuthErrorLike | null }): T | null {
  if (result.error) throw new AuthCallError(result.error);
  return result.data;
}
