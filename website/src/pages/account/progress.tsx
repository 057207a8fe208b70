import { translate } from "@docusaurus/Translate";
import { AccountPage } from "@site/src/components/account/AccountPage.js";
import { ProgressOverview } from "./_components/ProgressOverview.js";

/** `/account/progress`: how far the reader is in each module, and "reset my progress". */
export default function ProgressPage() {
  return (
    <AccountPage
      wide
      title={translate({ id: "progress.page.title", message: "Your reading progress" })}
      intro={translate({
        id: "progress.page.intro",
        message: "Chapters you have completed, module by module. Signed in, it follows you to every device.",
      })}
    >
      <ProgressOverview />
    </AccountPage>
  );
}
