import Link from "@docusaurus/Link";
import { AccountPage } from "../components/account/AccountPage.js";
import { AuthUnavailableNotice } from "../components/account/AuthUnavailableNotice.js";
import { ProviderButtons } from "../components/account/ProviderButtons.js";
import { ProviderErrorNotice } from "../components/account/ProviderErrorNotice.js";
import { RegisterForm } from "./_components/RegisterForm.js";

export default function RegisterPage() {
  return (
    <AccountPage
      wide
      title="Create your account"
      intro="Your account keeps your learner profile, so that chapters can show primers, deep dives and labs that fit your background."
    >
      <AuthUnavailableNotice />
      <ProviderErrorNotice />
      <ProviderButtons />
      <RegisterForm />
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </AccountPage>
  );
}
