import Link from "@docusaurus/Link";
import Translate, { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { AuthUnavailableNotice } from "@site/src/components/account/AuthUnavailableNotice.js";
import { ProviderButtons } from "@site/src/components/account/ProviderButtons.js";
import { ProviderErrorNotice } from "@site/src/components/account/ProviderErrorNotice.js";
import { RegisterForm } from "./_components/RegisterForm.js";

export default function RegisterPage() {
  return (
    <AccountPage
      wide
      title={translate({ id: "auth.register.title", message: "Create your account" })}
      intro={translate({
        id: "auth.register.intro",
        message:
          "Your account keeps your learner profile, so that chapters can show primers, deep dives and labs that fit your background.",
      })}
    >
      <AuthUnavailableNotice />
      <ProviderErrorNotice />
      <ProviderButtons />
      <RegisterForm />
      <p>
        <Translate
          id="auth.register.haveAccount"
          values={{
            signIn: (
              <Link to="/login">
                {translate({ id: "auth.register.haveAccount.signIn", message: "Sign in" })}
              </Link>
            ),
          }}
        >
          {"Already have an account? {signIn}"}
        </Translate>
      </p>
    </AccountPage>
  );
}
