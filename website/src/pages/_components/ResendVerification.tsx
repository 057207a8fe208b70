import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authData } from "@site/src/lib/auth-result.js";
import { useState } from "react";
import { useAbsoluteUrl } from "./use-absolute-url.js";

/** Sends the verification e-mail again, for a learner whose link got lost or expired. */
export function ResendVerification({ email }: { email: string }) {
  const { client } = useAuth();
  const callbackUrl = useAbsoluteUrl("/verify-email");
  const [sent, setSent] = useState(false);
  const submit = useFormSubmit();
  const resend = () =>
    submit.run(async () => {
      authData(await client.sendVerificationEmail({ email, callbackURL: callbackUrl() }));
      setSent(true);
    });
  if (sent) {
    return (
      <Alert kind="success">
        <Translate id="auth.verify.resent" values={{ email }}>
          {"We sent a new verification link to {email}."}
        </Translate>
      </Alert>
    );
  }
  return (
    <div>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => void resend()}
        disabled={!email || submit.busy}
      >
        {submit.busy
          ? translate({ id: "auth.verify.resending", message: "Sending…" })
          : translate({ id: "auth.verify.resend", message: "Send the verification e-mail again" })}
      </button>
      <FormFailure submit={submit} />
    </div>
  );
}
