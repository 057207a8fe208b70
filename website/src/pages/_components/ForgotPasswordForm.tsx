import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { EmailField } from "@site/src/components/account/EmailField.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authData } from "@site/src/lib/auth-result.js";
import { type FormEvent, useState } from "react";
import { useAbsoluteUrl } from "./use-absolute-url.js";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { client } = useAuth();
  const resetUrl = useAbsoluteUrl("/reset-password");
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = useFormSubmit();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const valid = /^[^\s@]+@[^\s@]+$/.test(address);
    setEmailError(
      valid
        ? undefined
        : translate({ id: "auth.forgot.emailMissing", message: "Enter the e-mail address of your account." }),
    );
    if (!valid) return;
    await submit.run(async () => {
      authData(await client.requestPasswordReset({ email: address, redirectTo: resetUrl() }));
      setSentTo(address);
    });
  };

  if (sentTo) {
    return (
      <Alert kind="success">
        <Translate id="auth.forgot.sent" values={{ email: <strong>{sentTo}</strong> }}>
          {
            "If {email} has an account, a link to choose a new password is on its way. It works once, for a limited time."
          }
        </Translate>
      </Alert>
    );
  }
  return (
    <form className={styles.form} onSubmit={send} noValidate>
      <FormFailure submit={submit} />
      <EmailField value={email} onChange={setEmail} error={emailError} />
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={submit.busy}
      >
        {submit.busy
          ? translate({ id: "auth.forgot.busy", message: "Sending…" })
          : translate({ id: "auth.forgot.submit", message: "Send the reset link" })}
      </button>
    </form>
  );
}
