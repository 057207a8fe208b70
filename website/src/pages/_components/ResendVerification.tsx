import { useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { authErrorMessage } from "../../lib/auth-error-message.js";
import { useAbsoluteUrl } from "./use-absolute-url.js";

/** Sends the verification e-mail again, for a learner whose link got lost or expired. */
export function ResendVerification({ email }: { email: string }) {
  const { client } = useAuth();
  const callbackUrl = useAbsoluteUrl("/verify-email");
  const [state, setState] = useState<"idle" | "sending" | "sent" | string>("idle");
  const resend = async () => {
    setState("sending");
    const { error } = await client
      .sendVerificationEmail({ email, callbackURL: callbackUrl() })
      .catch(() => ({ error: { status: 0 } }));
    setState(error ? authErrorMessage(error) : "sent");
  };
  if (state === "sent") return <Alert kind="success">We sent a new verification link to {email}.</Alert>;
  return (
    <div>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={resend}
        disabled={!email}
      >
        {state === "sending" ? "Sending…" : "Send the verification e-mail again"}
      </button>
      {state !== "idle" && state !== "sending" ? <Alert kind="danger">{state}</Alert> : null}
    </div>
  );
}
