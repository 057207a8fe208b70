import { AccountPage } from "../components/account/AccountPage.js";
import { AuthUnavailableNotice } from "../components/account/AuthUnavailableNotice.js";
import { EmailVerification } from "./_components/EmailVerification.js";

export default function VerifyEmailPage() {
  return (
    <AccountPage title="E-mail verification">
      <AuthUnavailableNotice />
      <EmailVerification />
    </AccountPage>
  );
}
