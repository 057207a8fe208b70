import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import { useEffect, useRef, useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import { useReturnPath } from "../../components/account/use-return-path.js";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { authErrorMessage } from "../../lib/auth-error-message.js";

type Outcome = { kind: "checking" } | { kind: "verified" } | { kind: "failed"; message: string };

/**
 * Handles the link of the verification e-mail, in both forms the auth-server may send: a link to this page
 * with `?token=…` (verified here), or its own link, which verifies and then redirects here (`?error=…` when the
 * token was bad).
 */
export function EmailVerification() {
  const { client, status, user, refresh } = useAuth();
  const returnPath = useReturnPath();
  const query = new URLSearchParams(useLocation().search);
  const token = query.get("token");
  const linkError = query.get("error");
  const [outcome, setOutcome] = useState<Outcome>(() =>
    linkError
      ? { kind: "failed", message: authErrorMessage({ code: linkError.toUpperCase(), status: 400 }) }
      : token
        ? { kind: "checking" }
        : { kind: "verified" },
  );

  // A verification token works once: never send it twice, even if the effect runs again.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    if (!token || linkError) {
      void refresh();
      return;
    }
    client.verifyEmail({ query: { token } }).then(
      ({ error }) => {
        setOutcome(error ? { kind: "failed", message: authErrorMessage(error) } : { kind: "verified" });
        void refresh();
      },
      () => setOutcome({ kind: "failed", message: authErrorMessage({ status: 0 }) }),
    );
  }, [client, token, linkError, refresh]);

  if (outcome.kind === "checking") return <p aria-live="polite">Verifying your e-mail address…</p>;
  if (outcome.kind === "failed") {
    return (
      <Alert kind="danger">
        {outcome.message} You can ask for a new link from the <Link to="/login">sign-in page</Link>.
      </Alert>
    );
  }
  return (
    <Alert kind="success">
      Your e-mail address is verified.{" "}
      {status === "signed-in" && user ? (
        <>
          You are signed in as <strong>{user.name}</strong>. <Link to={returnPath}>Continue</Link>
        </>
      ) : (
        <>
          <Link to="/login">Sign in</Link> to continue.
        </>
      )}
    </Alert>
  );
}
