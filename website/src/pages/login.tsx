import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import { AccountPage } from "../components/account/AccountPage.js";
import { Alert } from "../components/account/Alert.js";
import { AuthUnavailableNotice } from "../components/account/AuthUnavailableNotice.js";
import { ProviderButtons } from "../components/account/ProviderButtons.js";
import { ProviderErrorNotice } from "../components/account/ProviderErrorNotice.js";
import { LoginForm } from "./_components/LoginForm.js";

export default function LoginPage() {
  const deleted = new URLSearchParams(useLocation().search).has("deleted");
  return (
    <AccountPage title="Sign in" intro="Welcome back. Sign in to pick up where you left off.">
      {deleted ? (
        <Alert kind="success">Your account and your learner profile have been deleted.</Alert>
      ) : null}
      <AuthUnavailableNotice />
      <ProviderErrorNotice />
      <ProviderButtons />
      <LoginForm />
      <p>
        New here? <Link to="/register">Create an account</Link>: it takes a minute.
      </p>
    </AccountPage>
  );
}
