import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { AuthUnavailableNotice } from "@site/src/components/account/AuthUnavailableNotice.js";
import { EmailVerification } from "./_components/EmailVerification.js";

export default function VerifyEmailPage() {
  return (
    <AccountPage title={translate({ id: "auth.verify.title", message: "E-mail verification" })}>
      <AuthUnavailableNotice />
      <EmailVerification />
    </AccountPage>
  );
}
