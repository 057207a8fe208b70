import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { Alert } from "@site/src/components/account/Alert.js";
import { AuthUnavailableNotice } from "@site/src/components/account/AuthUnavailableNotice.js";
import { ProviderButtons } from "@site/src/components/account/ProviderButtons.js";
import { ProviderErrorNotice } from "@site/src/components/account/ProviderErrorNotice.js";
import { LoginForm } from "./_components/LoginForm.js";

export default function LoginPage() {
  const deleted = new URLSearchParams(useLocation().search).has("deleted");
  return (
    <AccountPage
      title={translate({ id: "auth.signIn.title", message: "Sign in" })}
      intro={translate({
        id: "auth.signIn.intro",
        message: "Welcome back. Sign in to pick up where you left off.",
      })}
    >
      {deleted ? (
        <Alert kind="success">
          <Translate id="auth.signIn.deleted">
            Your account and your learner profile have been deleted.
          </Translate>
        </Alert>
      ) : null}
      <AuthUnavailableNotice />
      <ProviderErrorNotice />
      <ProviderButtons />
      <LoginForm />
      <p>
        <Translate
          id="auth.signIn.newHere"
          values={{
            register: (
              <Link to="/register">
                {translate({ id: "auth.signIn.newHere.register", message: "Create an account" })}
              </Link>
            ),
          }}
        >
          {"New here? {register}: it takes a minute."}
        </Translate>
      </p>
    </AccountPage>
  );
}
