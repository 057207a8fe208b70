import Link from "@docusaurus/Link";
import { useHistory } from "@docusaurus/router";
import Translate from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { useReturnPath } from "@site/src/components/account/use-return-path.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { useProfile } from "@site/src/components/profile/ProfileProvider.js";
import { useEffect } from "react";
import { BackgroundQuestions } from "./BackgroundQuestions.js";

/**
 * After a provider: a learner with a profile goes straight on to where they were going (`?next=`); one without
 * answers the registration form's background questions first.
 */
export function ContinueAfterSignIn() {
  const { user } = useAuth();
  const { status, api } = useProfile();
  const returnPath = useReturnPath();
  const history = useHistory();
  useEffect(() => {
    if (status === "ready") history.replace(returnPath);
  }, [status, history, returnPath]);

  if (status === "absent" && api && user) {
    return <BackgroundQuestions api={api} name={user.name} onSaved={() => history.replace(returnPath)} />;
  }
  if (status === "unavailable") {
    return (
      <Alert kind="warning">
        <Translate id="account.welcome.profileUnavailable">
          Your profile cannot be loaded right now: the profile service is unavailable. The textbook still
          works.
        </Translate>{" "}
        <Link to={returnPath}>
          <Translate id="account.welcome.continue">Continue</Translate>
        </Link>
      </Alert>
    );
  }
  return (
    <p className={styles.loading} aria-live="polite">
      <Translate id="account.welcome.loading">Loading your profile…</Translate>
    </p>
  );
}
