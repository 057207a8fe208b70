import Translate from "@docusaurus/Translate";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authData } from "@site/src/lib/auth-result.js";
import { useAbsoluteUrl } from "@site/src/pages/_components/use-absolute-url.js";
import { useState } from "react";

/**
 * Sets a first password through the reset mail: the link proves the learner reads the account's mailbox, and
 * the reset page's form creates the password (Better Auth adds the password to an account that has none).
 */
export function SetPassword({ email }: { email: string }) {
  const { client } = useAuth();
  const resetUrl = useAbsoluteUrl("/reset-password");
  const [sent, setSent] = useState(false);
  const submit = useFormSubmit();
  if (sent) {
    return (
      <span role="status">
        <Translate id="account.methods.passwordMailSent" values={{ email }}>
          {"We sent a link to {email}: open it to choose your password."}
        </Translate>
      </span>
    );
  }
  const send = () =>
    submit.run(async () => {
      authData(await client.requestPasswordReset({ email, redirectTo: resetUrl() }));
      setSent(true);
    });
  return (
    <span>
      <FormFailure submit={submit} />
      <button
        type="button"
        className="button button--sm button--primary"
        disabled={submit.busy}
        onClick={() => void send()}
      >
        <Translate id="account.methods.setPassword">Set a password</Translate>
      </button>
    </span>
  );
}
