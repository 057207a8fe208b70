import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { ProviderErrorNotice } from "@site/src/components/account/ProviderErrorNotice.js";
import { RequireSignIn } from "@site/src/components/account/RequireSignIn.js";
import { SignInMethods } from "./_components/SignInMethods.js";

export default function SignInMethodsPage() {
  return (
    <AccountPage
      wide
      title={translate({ id: "account.methods.title", message: "How you sign in" })}
      intro={translate({
        id: "account.methods.intro",
        message:
          "Your password and the accounts at other providers that sign you in here. Keep at least one: the last cannot be removed.",
      })}
    >
      <ProviderErrorNotice />
      <RequireSignIn>
        <SignInMethods />
      </RequireSignIn>
    </AccountPage>
  );
}
