import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { RequireSignIn } from "@site/src/components/account/RequireSignIn.js";
import { ProfileEditor } from "./_components/ProfileEditor.js";

export default function ProfilePage() {
  return (
    <AccountPage
      wide
      title={translate({ id: "profile.page.title", message: "Your learner profile" })}
      intro={translate({
        id: "profile.page.intro",
        message:
          "Chapters use your background to show the primers, deep dives and lab variants that fit you.",
      })}
    >
      <RequireSignIn>
        <ProfileEditor />
      </RequireSignIn>
    </AccountPage>
  );
}
