import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { RequireSignIn } from "@site/src/components/account/RequireSignIn.js";
import { ContinueAfterSignIn } from "./_components/ContinueAfterSignIn.js";

/** Where a sign-in provider sends the learner back: background questions if they have no profile, then on. */
export default function WelcomePage() {
  return (
    <AccountPage
      wide
      title={translate({ id: "account.welcome.title", message: "Welcome" })}
      intro={translate({
        id: "account.welcome.intro",
        message: "You are signed in. Chapters use your background to show what fits you.",
      })}
    >
      <RequireSignIn>
        <ContinueAfterSignIn />
      </RequireSignIn>
    </AccountPage>
  );
}
