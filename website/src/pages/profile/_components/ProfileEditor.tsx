import Translate from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { useProfile } from "@site/src/components/profile/ProfileProvider.js";
import { DeleteAccount } from "./DeleteAccount.js";
import { ExportData } from "./ExportData.js";
import { ProfileForm } from "./ProfileForm.js";

/** The profile page's content once signed in: the form, the export and the deletion. */
export function ProfileEditor() {
  const { user } = useAuth();
  const { status, current, api, reload } = useProfile();
  if (status === "unavailable") {
    return (
      <Alert kind="warning">
        <Translate id="profile.unavailable">
          Your profile cannot be loaded right now: the profile service is unavailable. The textbook still
          works.
        </Translate>{" "}
        <button type="button" className="button button--sm button--secondary" onClick={reload}>
          <Translate id="profile.retry">Try again</Translate>
        </button>
      </Alert>
    );
  }
  if (status !== "ready" && status !== "absent") {
    return (
      <p className={styles.loading}>
        <Translate id="profile.loading">Loading your profile…</Translate>
      </p>
    );
  }
  return (
    <>
      {status === "absent" ? (
        <Alert kind="info">
          <Translate id="profile.absent">
            You have no learner profile yet: answer a few questions and save.
          </Translate>
        </Alert>
      ) : null}
      {api && user ? (
        <ProfileForm key={user.id} api={api} current={current} fallbackName={user.name} />
      ) : null}
      <div className={styles.dangerZone}>
        <h2>
          <Translate id="profile.yourData">Your data</Translate>
        </h2>
        <p>
          <Translate id="profile.signedInAs" values={{ email: <strong>{user?.email}</strong> }}>
            {"Signed in as {email}."}
          </Translate>
        </p>
        <div className={styles.actionsRow}>
          {api ? <ExportData api={api} /> : null}
          <DeleteAccount />
        </div>
      </div>
    </>
  );
}
