import { AccountPage } from "../../components/account/AccountPage.js";
import { RequireSignIn } from "../../components/account/RequireSignIn.js";
import { SessionList } from "./_components/SessionList.js";

export default function SessionsPage() {
  return (
    <AccountPage
      wide
      title="Your sessions"
      intro="Every browser and device where you are signed in. Sign out the ones you do not recognise."
    >
      <RequireSignIn>
        <SessionList />
      </RequireSignIn>
    </AccountPage>
  );
}
