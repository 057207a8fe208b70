import Link from "@docusaurus/Link";
import Translate, { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { AuthUnavailableNotice } from "@site/src/components/account/AuthUnavailableNotice.js";
import { ForgotPasswordForm } from "./_components/ForgotPasswordForm.js";

export default function ForgotPasswordPage() {
  return (
    <AccountPage
      title={translate({ id: "auth.forgot.title", message: "Reset your password" })}
      intro={translate({
        id: "auth.forgot.intro",
        message: "Enter your account's e-mail and we will send you a reset link.",
      })}
    >
      <AuthUnavailableNotice />
      <ForgotPasswordForm />
      <p>
        <Translate
          id="auth.forgot.remembered"
          values={{
            signIn: (
              <Link to="/login">
                {translate({ id: "auth.forgot.remembered.signIn", message: "Sign in" })}
              </Link>
            ),
          }}
        >
          {"Remembered it? {signIn}"}
        </Translate>
      </p>
    </AccountPage>
  );
}
