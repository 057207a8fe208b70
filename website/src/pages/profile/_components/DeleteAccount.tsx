import useBaseUrl from "@docusaurus/useBaseUrl";
import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../../components/account/Alert.js";
import styles from "../../../components/account/account.module.css";
import { Field } from "../../../components/account/Field.js";
import { useAuth } from "../../../components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "../../../lib/auth-error-message.js";

/**
 * Deletes the account (and, by cascade, the profile) after the learner confirms: with their password, or, for an
 * account that only signs in through a provider, within 10 minutes of signing in (the auth-server's rule).
 */
export function DeleteAccount() {
  const { client } = useAuth();
  const afterwards = useBaseUrl("/login");
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState("");
  // Until the account list says otherwise, ask for the password (the safe default).
  const [hasPassword, setHasPassword] = useState(true);
  const [failure, setFailure] = useState<AuthErrorLike | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!confirming) return;
    let current = true;
    client
      .listAccounts()
      .then(({ data }) => {
        if (current && data) setHasPassword(data.some((account) => account.providerId === "credential"));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [client, confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--outline button--danger"
        onClick={() => setConfirming(true)}
      >
        Delete my account…
      </button>
    );
  }
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const { error } = await client
      .deleteUser(hasPassword ? { password } : {})
      .catch(() => ({ error: { status: 0 } as AuthErrorLike }));
    setBusy(false);
    if (error) setFailure(error);
    // A full page load, not a client-side navigation: while the router loads the next page this one stays
    // mounted, and its sign-in guard would see the session end and send the learner to sign in instead.
    else window.location.assign(`${afterwards}?deleted=1`);
  };
  return (
    <form className={styles.form} onSubmit={remove} style={{ width: "100%" }}>
      <Alert kind="danger">
        This deletes your account, your learner profile and all your sessions, for good. It cannot be undone.
      </Alert>
      {failure ? <Alert kind="danger">{authErrorMessage(failure)}</Alert> : null}
      {hasPassword ? (
        <Field
          label="Your password, to confirm"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
      ) : (
        <p>
          Your account has no password: it can be deleted within 10 minutes of signing in. If it has been
          longer, sign out and sign in again first.
        </p>
      )}
      <div className={styles.actionsRow}>
        <button type="submit" className="button button--danger" disabled={busy || (hasPassword && !password)}>
          {busy ? "Deleting…" : "Delete my account permanently"}
        </button>
        <button type="button" className="button button--link" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
