import { type FormEvent, useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import styles from "../../components/account/account.module.css";
import { Field } from "../../components/account/Field.js";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "../../lib/auth-error-message.js";
import { useAbsoluteUrl } from "./use-absolute-url.js";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { client } = useAuth();
  const resetUrl = useAbsoluteUrl("/reset-password");
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string>();
  const [failure, setFailure] = useState<AuthErrorLike | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    setEmailError(
      /^[^\s@]+@[^\s@]+$/.test(address) ? undefined : "Enter the e-mail address of your account.",
    );
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) return;
    setBusy(true);
    setFailure(null);
    const { error } = await client
      .requestPasswordReset({ email: address, redirectTo: resetUrl() })
      .catch(() => ({ error: { status: 0 } as AuthErrorLike }));
    setBusy(false);
    if (error) setFailure(error);
    else setSentTo(address);
  };

  if (sentTo) {
    return (
      <Alert kind="success">
        If <strong>{sentTo}</strong> has an account, a link to choose a new password is on its way. It works
        once, for a limited time.
      </Alert>
    );
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {failure ? <Alert kind="danger">{authErrorMessage(failure)}</Alert> : null}
      <Field
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={setEmail}
        error={emailError}
      />
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={busy}
      >
        {busy ? "Sending…" : "Send the reset link"}
      </button>
    </form>
  );
}
