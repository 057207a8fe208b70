import { translate } from "@docusaurus/Translate";

/**
 * Says, for a person, why coming back from a sign-in provider did not sign them in or link the provider:
 * Better Auth's `?error=` codes of the OAuth callback (see auth-server/README.md, "Social sign-in").
 */
export function providerErrorMessage(code: string): string {
  switch (code) {
    case "email_not_verified":
      return translate({
        id: "account.providerError.emailNotVerified",
        message:
          "The provider has not confirmed your e-mail address, so we sent a link to it. Open the link to verify the address; after that, continue with the provider again.",
      });
    case "account_not_linked":
      return translate({
        id: "account.providerError.accountNotLinked",
        message:
          "An account with this e-mail address already exists, and we cannot tell that the provider's account is yours (its address is not confirmed on both sides). Sign in with your password, then link the provider under “How you sign in”.",
      });
    case "email_does_not_match":
      return translate({
        id: "account.providerError.emailDoesNotMatch",
        message:
          "That account at the provider uses another e-mail address. Only a provider account with your e-mail address can be linked.",
      });
    case "unable_to_link_account":
      return translate({
        id: "account.providerError.unableToLink",
        message:
          "That account could not be linked: the provider has not confirmed its e-mail address, or your session is too old (sign in again and retry).",
      });
    case "account_already_linked_to_different_user":
      return translate({
        id: "account.providerError.linkedElsewhere",
        message: "That account at the provider already signs in to another learner's account.",
      });
    case "access_denied":
      return translate({
        id: "account.providerError.accessDenied",
        message: "The provider did not let us sign you in. You can try again, or use your e-mail address.",
      });
    default:
      return translate({
        id: "account.providerError.other",
        message: "Signing in with the provider did not work. Try again, or use your e-mail address.",
      });
  }
}
