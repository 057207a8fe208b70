import { AccountPage } from "../../components/account/AccountPage.js";
import { RequireSignIn } from "../../components/account/RequireSignIn.js";
import { ProfileEditor } from "./_components/ProfileEditor.js";

export default function ProfilePage() {
  return (
    <AccountPage
      wide
      title="Your learner profile"
      intro="Chapters use your background to show the primers, deep dives and lab variants that fit you."
    >
      <RequireSignIn>
        <ProfileEditor />
      </RequireSignIn>
    </AccountPage>
  );
}
