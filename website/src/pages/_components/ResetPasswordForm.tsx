import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import styles from "../../components/account/account.module.css";
import { Field } from "../../components/account/Field.js";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "../../lib/auth-error-message.js";

/** Sets a new password with the token from the e-mailed link (`?token=…`, or `?error=…` when it was bad). */
export function ResetPasswordForm() {
  const { client } = useAuth();
  const query = new URLSearchParams(useLocation().search);
  const token = query.get("token");
  const linkError = query.get("error");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [failure, setFailure] = useState<AuthErrorLike | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (linkError || !token) {
    return (
      <Alert kind="danger">
        {linkError
          ? authErrorMessage({ code: linkError, status: 400 })
          : "This page needs the link from your e-mail."}{" "}
        <Link to="/forgot-password">Ask for a new link</Link>
      </Alert>
    );
  }
  if (done) {
    return (
      <Alert kind="success">
        Your password is changed, and your other sessions are signed out. <Link to="/login">Sign in</Link>{" "}
        with the new password.
      </Alert>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      password: password.length < 8 ? "Use at least 8 characters." : undefined,
      confirmation: confirmation !== password ? "The two passwords are not the same." : undefined,
    };
    setErrors(found);
    if (found.password || found.confirmation) return;
    setBusy(true);
    setFailure(null);
    const { error } = await client
      .resetPassword({ newPassword: password, token })
      .catch(() => ({ error: { status: 0 } as AuthErrorLike }));
    setBusy(false);
    if (error) setFailure(error);
    else setDone(true);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {failure ? <Alert kind="danger">{authErrorMessage(failure)}</Alert> : null}
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        required
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <Field
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={setConfirmation}
        error={errors.confirmation}
      />
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={busy}
      >
        {busy ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
