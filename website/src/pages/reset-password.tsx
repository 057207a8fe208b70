import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { AuthUnavailableNotice } from "@site/src/components/account/AuthUnavailableNotice.js";
import { ResetPasswordForm } from "./_components/ResetPasswordForm.js";

export default function ResetPasswordPage() {
  return (
    <AccountPage title={translate({ id: "auth.reset.title", message: "Choose a new password" })}>
      <AuthUnavailableNotice />
      <ResetPasswordForm />
    </AccountPage>
  );
}
