import { AccountPage } from "../components/account/AccountPage.js";
import { AuthUnavailableNotice } from "../components/account/AuthUnavailableNotice.js";
import { ResetPasswordForm } from "./_components/ResetPasswordForm.js";

export default function ResetPasswordPage() {
  return (
    <AccountPage title="Choose a new password">
      <AuthUnavailableNotice />
      <ResetPasswordForm />
    </AccountPage>
  );
}
