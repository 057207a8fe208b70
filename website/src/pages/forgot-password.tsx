import Link from "@docusaurus/Link";
import { AccountPage } from "../components/account/AccountPage.js";
import { AuthUnavailableNotice } from "../components/account/AuthUnavailableNotice.js";
import { ForgotPasswordForm } from "./_components/ForgotPasswordForm.js";

export default function ForgotPasswordPage() {
  return (
    <AccountPage
      title="Reset your password"
      intro="Enter your account's e-mail and we will send you a reset link."
    >
      <AuthUnavailableNotice />
      <ForgotPasswordForm />
      <p>
        Remembered it? <Link to="/login">Sign in</Link>
      </p>
    </AccountPage>
  );
}
