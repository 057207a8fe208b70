import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import Translate from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import { SignedInAs } from "@site/src/components/account/SignedInAs.js";
import { useReturnPath } from "@site/src/components/account/use-return-path.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authErrorMessage } from "@site/src/lib/auth-error-message.js";
import { useEffect, useRef, useState } from "react";

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

  if (outcome.kind === "checking") {
    return (
      <p aria-live="polite">
        <Translate id="auth.verify.checking">Verifying your e-mail address…</Translate>
      </p>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <Alert kind="danger">
        {outcome.message}{" "}
        <Translate
          id="auth.verify.failed.askAgain"
          values={{
            signInPage: (
              <Link to="/login">
                <Translate id="auth.verify.failed.signInPage">sign-in page</Translate>
              </Link>
            ),
          }}
        >
          {"You can ask for a new link from the {signInPage}."}
        </Translate>
      </Alert>
    );
  }
  return (
    <Alert kind="success">
      <Translate id="auth.verify.verified">Your e-mail address is verified.</Translate>{" "}
      {status === "signed-in" && user ? (
        <SignedInAs name={user.name} continueTo={returnPath} />
      ) : (
        <Translate
          id="auth.verify.signInToContinue"
          values={{
            signIn: (
              <Link to="/login">
                <Translate id="auth.verify.signIn">Sign in</Translate>
              </Link>
            ),
          }}
        >
          {"{signIn} to continue."}
        </Translate>
      )}
    </Alert>
  );
}
