import { translate } from "@docusaurus/Translate";

/** The shape of a Better Auth client error (`{ code, message, status }`), or a thrown network failure. */
export interface AuthErrorLike {
  code?: string | undefined;
  message?: string | undefined;
  status?: number | undefined;
}

/** What a person should read for one of Better Auth's error codes, in the reader's language. */
function messageForCode(code: string): string | null {
  switch (code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return translate({
        id: "auth.error.invalidEmailOrPassword",
        message: "That e-mail and password do not match an account. Check both and try again.",
      });
    case "EMAIL_NOT_VERIFIED":
      return translate({
        id: "auth.error.emailNotVerified",
        message:
          "Your e-mail address is not verified yet. Open the link we sent you, or send a new one below.",
      });
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return translate({
        id: "auth.error.userAlreadyExists",
        message: "An account with this e-mail already exists. Sign in instead, or reset your password.",
      });
    case "PASSWORD_TOO_SHORT":
      return translate({
        id: "auth.error.passwordTooShort",
        message: "The password is too short: use at least 8 characters.",
      });
    case "PASSWORD_TOO_LONG":
      return translate({
        id: "auth.error.passwordTooLong",
        message: "The password is too long: use at most 128 characters.",
      });
    case "INVALID_EMAIL":
      return translate({
        id: "auth.error.invalidEmail",
        message: "That does not look like an e-mail address.",
      });
    case "INVALID_TOKEN":
      return translate({
        id: "auth.error.invalidToken",
        message: "This link is invalid or has already been used. Ask for a new one.",
      });
    case "TOKEN_EXPIRED":
      return translate({
        id: "auth.error.tokenExpired",
        message: "This link has expired. Ask for a new one.",
      });
    case "INVALID_PASSWORD":
      return translate({ id: "auth.error.invalidPassword", message: "The password is not correct." });
    case "SESSION_EXPIRED":
    case "SESSION_NOT_FRESH":
      return translate({
        id: "auth.error.sessionNotFresh",
        message: "For your security, sign in again before doing this.",
      });
    case "FAILED_TO_UNLINK_LAST_ACCOUNT":
      return translate({
        id: "account.methods.lastMethod",
        message: "This is your only way to sign in: set a password or link another account first.",
      });
    case "USER_ALREADY_HAS_PASSWORD":
      return translate({
        id: "auth.error.userAlreadyHasPassword",
        message: "Enter your password to confirm.",
      });
    default:
      return null;
  }
}

/** Says, for a person, what went wrong with an auth-server call. */
export function authErrorMessage(error: AuthErrorLike | null | undefined): string {
  if (!error) return somethingWentWrong();
  if (error.status === 429) {
    return translate({
      id: "auth.error.tooManyAttempts",
      message: "Too many attempts. Wait a minute, then try again.",
    });
  }
  const known = error.code ? messageForCode(error.code) : null;
  if (known) return known;
  if (!error.status || error.status >= 500) return authUnavailableMessage();
  return error.message || somethingWentWrong();
}

/** The auth-server cannot be reached (down, or the network is): the same words on every page and form. */
export function authUnavailableMessage(): string {
  return translate({
    id: "auth.error.unavailable",
    message:
      "Sign-in is unavailable right now: the account service cannot be reached. The textbook still works; try again in a few minutes.",
  });
}

function somethingWentWrong(): string {
  return translate({ id: "auth.error.unknown", message: "Something went wrong. Try again." });
}
