/** The shape of a Better Auth client error (`{ code, message, status }`), or a thrown network failure. */
export interface AuthErrorLike {
  code?: string | undefined;
  message?: string | undefined;
  status?: number | undefined;
}

const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That e-mail and password do not match an account. Check both and try again.",
  EMAIL_NOT_VERIFIED:
    "Your e-mail address is not verified yet. Open the link we sent you, or send a new one below.",
  USER_ALREADY_EXISTS: "An account with this e-mail already exists. Sign in instead, or reset your password.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
    "An account with this e-mail already exists. Sign in instead, or reset your password.",
  PASSWORD_TOO_SHORT: "The password is too short: use at least 8 characters.",
  PASSWORD_TOO_LONG: "The password is too long: use at most 128 characters.",
  INVALID_EMAIL: "That does not look like an e-mail address.",
  INVALID_TOKEN: "This link is invalid or has already been used. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  INVALID_PASSWORD: "The password is not correct.",
  SESSION_EXPIRED: "For your security, sign in again before doing this.",
  SESSION_NOT_FRESH: "For your security, sign in again before doing this.",
  USER_ALREADY_HAS_PASSWORD: "Enter your password to confirm.",
};

/** Says, for a person, what went wrong with an auth-server call. */
export function authErrorMessage(error: AuthErrorLike | null | undefined): string {
  if (!error) return "Something went wrong. Try again.";
  if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code] as string;
  if (!error.status || error.status >= 500) return UNAVAILABLE_MESSAGE;
  return error.message || "Something went wrong. Try again.";
}

export const UNAVAILABLE_MESSAGE =
  "Sign-in is unavailable right now: the account service cannot be reached. The textbook still works; try again in a few minutes.";
