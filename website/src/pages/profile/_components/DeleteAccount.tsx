import Translate, { translate } from "@docusaurus/Translate";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { Field } from "@site/src/components/account/Field.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authData } from "@site/src/lib/auth-result.js";
import { type FormEvent, useEffect, useState } from "react";

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
  const submit = useFormSubmit();

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
        <Translate id="profile.delete.start">Delete my account…</Translate>
      </button>
    );
  }
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run(
      async () => {
        authData(await client.deleteUser(hasPassword ? { password } : {}));
        // A full page load, not a client-side navigation: while the router loads the next page this one stays
        // mounted, and its sign-in guard would see the session end and send the learner to sign in instead.
        window.location.assign(`${afterwards}?deleted=1`);
      },
      { keepBusy: true },
    );
  };
  return (
    <form className={styles.form} onSubmit={remove} style={{ width: "100%" }}>
      <Alert kind="danger">
        <Translate id="profile.delete.warning">
          This deletes your account, your learner profile and all your sessions, for good. It cannot be
          undone.
        </Translate>
      </Alert>
      <FormFailure submit={submit} />
      {hasPassword ? (
        <Field
          label={translate({ id: "profile.delete.password", message: "Your password, to confirm" })}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
      ) : (
        <p>
          <Translate id="profile.delete.noPassword">
            Your account has no password: it can be deleted within 10 minutes of signing in. If it has been
            longer, sign out and sign in again first.
          </Translate>
        </p>
      )}
      <div className={styles.actionsRow}>
        <button
          type="submit"
          className="button button--danger"
          disabled={submit.busy || (hasPassword && !password)}
        >
          {submit.busy
            ? translate({ id: "profile.delete.busy", message: "Deleting…" })
            : translate({ id: "profile.delete.submit", message: "Delete my account permanently" })}
        </button>
        <button type="button" className="button button--link" onClick={() => setConfirming(false)}>
          <Translate id="profile.delete.cancel">Cancel</Translate>
        </button>
      </div>
    </form>
  );
}
