import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { Field } from "@site/src/components/account/Field.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authErrorMessage } from "@site/src/lib/auth-error-message.js";
import { authData } from "@site/src/lib/auth-result.js";
import { type FormEvent, useState } from "react";
import { passwordTooShort } from "./RegisterForm.js";

/** Sets a new password with the token from the e-mailed link (`?token=…`, or `?error=…` when it was bad). */
export function ResetPasswordForm() {
  const { client } = useAuth();
  const query = new URLSearchParams(useLocation().search);
  const token = query.get("token");
  const linkError = query.get("error");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [done, setDone] = useState(false);
  const submit = useFormSubmit();

  if (linkError || !token) {
    return (
      <Alert kind="danger">
        {linkError
          ? authErrorMessage({ code: linkError, status: 400 })
          : translate({
              id: "auth.reset.noToken",
              message: "This page needs the link from your e-mail.",
            })}{" "}
        <Link to="/forgot-password">
          <Translate id="auth.reset.askAgain">Ask for a new link</Translate>
        </Link>
      </Alert>
    );
  }
  if (done) {
    return (
      <Alert kind="success">
        <Translate
          id="auth.reset.done"
          values={{
            signIn: (
              <Link to="/login">{translate({ id: "auth.reset.done.signIn", message: "Sign in" })}</Link>
            ),
          }}
        >
          {
            "Your password is changed, and your other sessions are signed out. {signIn} with the new password."
          }
        </Translate>
      </Alert>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      password: password.length < 8 ? passwordTooShort() : undefined,
      confirmation:
        confirmation !== password
          ? translate({ id: "auth.reset.mismatch", message: "The two passwords are not the same." })
          : undefined,
    };
    setErrors(found);
    if (found.password || found.confirmation) return;
    await submit.run(async () => {
      authData(await client.resetPassword({ newPassword: password, token }));
      setDone(true);
    });
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      <FormFailure submit={submit} />
      <Field
        label={translate({ id: "auth.reset.password", message: "New password" })}
        type="password"
        autoComplete="new-password"
        hint={translate({ id: "auth.field.password.hint", message: "At least 8 characters." })}
        required
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <Field
        label={translate({ id: "auth.reset.confirmation", message: "Repeat the new password" })}
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
        disabled={submit.busy}
      >
        {submit.busy
          ? translate({ id: "auth.reset.busy", message: "Saving…" })
          : translate({ id: "auth.reset.submit", message: "Set the new password" })}
      </button>
    </form>
  );
}
