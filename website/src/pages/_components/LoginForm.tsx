import Link from "@docusaurus/Link";
import { useHistory } from "@docusaurus/router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import styles from "../../components/account/account.module.css";
import { Field } from "../../components/account/Field.js";
import { useReturnPath } from "../../components/account/use-return-path.js";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "../../lib/auth-error-message.js";
import { ResendVerification } from "./ResendVerification.js";
import { useAbsoluteUrl } from "./use-absolute-url.js";

/** E-mail and password sign-in; on success, back to where the learner was going. */
export function LoginForm() {
  const { client, status, user, refresh } = useAuth();
  const history = useHistory();
  const returnPath = useReturnPath();
  const verifyUrl = useAbsoluteUrl("/verify-email");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<AuthErrorLike | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === "signed-in" && user && !busy) {
    return (
      <Alert kind="info">
        You are signed in as <strong>{user.name}</strong>. <Link to={returnPath}>Continue</Link>
      </Alert>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // With verification required, a sign-in before verifying sends a fresh link: it must lead back here.
    const callbackURL = `${verifyUrl()}?next=${encodeURIComponent(returnPath)}`;
    const result = await client.signIn
      .email({ email: email.trim(), password, callbackURL })
      .catch((cause: Error) => ({ error: { message: cause.message } as AuthErrorLike }));
    if (result.error) {
      setError(result.error);
      setBusy(false);
      return;
    }
    // Wait for the session before leaving, so the next page does not see a signed-out learner.
    await refresh();
    history.push(returnPath);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {error ? <Alert kind="danger">{authErrorMessage(error)}</Alert> : null}
      {error?.code === "EMAIL_NOT_VERIFIED" ? <ResendVerification email={email.trim()} /> : null}
      <Field label="E-mail" type="email" autoComplete="email" required value={email} onChange={setEmail} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
      />
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={busy}
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <div className={styles.links}>
        <Link to="/forgot-password">Forgot your password?</Link>
      </div>
    </form>
  );
}
