import Translate from "@docusaurus/Translate";
import { useState } from "react";
import { useAuth } from "../../../components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "../../../lib/auth-error-message.js";
import { useAbsoluteUrl } from "../../_components/use-absolute-url.js";

/**
 * Sets a first password through the reset mail: the link proves the learner reads the account's mailbox, and
 * the reset page's form creates the password (Better Auth adds the password to an account that has none).
 */
export function SetPassword({ email }: { email: string }) {
  const { client } = useAuth();
  const resetUrl = useAbsoluteUrl("/reset-password");
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [failure, setFailure] = useState<AuthErrorLike | null>(null);
  if (state === "sent") {
    return (
      <span role="status">
        <Translate id="account.methods.passwordMailSent" values={{ email }}>
          {"We sent a link to {email}: open it to choose your password."}
        </Translate>
      </span>
    );
  }
  const send = async () => {
    setState("busy");
    const { error } = await client
      .requestPasswordReset({ email, redirectTo: resetUrl() })
      .catch(() => ({ error: { status: 0 } as AuthErrorLike }));
    setFailure(error);
    setState(error ? "idle" : "sent");
  };
  return (
    <span>
      {failure ? <span role="alert">{authErrorMessage(failure)} </span> : null}
      <button
        type="button"
        className="button button--sm button--primary"
        disabled={state === "busy"}
        onClick={() => void send()}
      >
        <Translate id="account.methods.setPassword">Set a password</Translate>
      </button>
    </span>
  );
}
