import { Alert } from "../../../components/account/Alert.js";
import styles from "../../../components/account/account.module.css";
import { useAuth } from "../../../components/auth/AuthProvider.js";
import { useProfile } from "../../../components/profile/ProfileProvider.js";
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
        Your profile cannot be loaded right now: the profile service is unavailable. The textbook still works.{" "}
        <button type="button" className="button button--sm button--secondary" onClick={reload}>
          Try again
        </button>
      </Alert>
    );
  }
  if (status !== "ready" && status !== "absent") {
    return <p className={styles.loading}>Loading your profile…</p>;
  }
  return (
    <>
      {status === "absent" ? (
        <Alert kind="info">You have no learner profile yet: answer a few questions and save.</Alert>
      ) : null}
      {api && user ? (
        <ProfileForm key={user.id} api={api} current={current} fallbackName={user.name} />
      ) : null}
      <div className={styles.dangerZone}>
        <h2>Your data</h2>
        <p>
          Signed in as <strong>{user?.email}</strong>.
        </p>
        <div className={styles.actionsRow}>
          {api ? <ExportData api={api} /> : null}
          <DeleteAccount />
        </div>
      </div>
    </>
  );
}
