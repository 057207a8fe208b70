import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { RequireSignIn } from "@site/src/components/account/RequireSignIn.js";
import { SessionList } from "./_components/SessionList.js";

export default function SessionsPage() {
  return (
    <AccountPage
      wide
      title={translate({ id: "account.sessions.title", message: "Your sessions" })}
      intro={translate({
        id: "account.sessions.intro",
        message: "Every browser and device where you are signed in. Sign out the ones you do not recognise.",
      })}
    >
      <RequireSignIn>
        <SessionList />
      </RequireSignIn>
    </AccountPage>
  );
}
