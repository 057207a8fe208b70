import Link from "@docusaurus/Link";
import { useHistory } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { EmailField } from "@site/src/components/account/EmailField.js";
import { Field } from "@site/src/components/account/Field.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { SignedInAs } from "@site/src/components/account/SignedInAs.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useReturnPath } from "@site/src/components/account/use-return-path.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { AuthCallError, authData } from "@site/src/lib/auth-result.js";
import { type FormEvent, useState } from "react";
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
  const [unverified, setUnverified] = useState(false);
  const submit = useFormSubmit();

  if (status === "signed-in" && user && !submit.busy) {
    return (
      <Alert kind="info">
        <SignedInAs name={user.name} continueTo={returnPath} />
      </Alert>
    );
  }

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setUnverified(false);
    // With verification required, a sign-in before verifying sends a fresh link: it must lead back here.
    const callbackURL = `${verifyUrl()}?next=${encodeURIComponent(returnPath)}`;
    await submit.run(
      async () => {
        authData(await client.signIn.email({ email: email.trim(), password, callbackURL }));
        // Wait for the session before leaving, so the next page does not see a signed-out learner.
        await refresh();
        history.push(returnPath);
      },
      {
        keepBusy: true,
        onFailure: (error) =>
          setUnverified(error instanceof AuthCallError && error.detail.code === "EMAIL_NOT_VERIFIED"),
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={signIn} noValidate>
      <FormFailure submit={submit} />
      {unverified ? <ResendVerification email={email.trim()} /> : null}
      <EmailField value={email} onChange={setEmail} />
      <Field
        label={translate({ id: "auth.field.password", message: "Password" })}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
      />
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={submit.busy}
      >
        {submit.busy
          ? translate({ id: "auth.signIn.busy", message: "Signing in…" })
          : translate({ id: "auth.signIn.submit", message: "Sign in" })}
      </button>
      <div className={styles.links}>
        <Link to="/forgot-password">
          <Translate id="auth.signIn.forgotPassword">Forgot your password?</Translate>
        </Link>
      </div>
    </form>
  );
}
