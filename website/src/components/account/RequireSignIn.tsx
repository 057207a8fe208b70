import { useHistory, useLocation } from "@docusaurus/router";
import Translate from "@docusaurus/Translate";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { authUnavailableMessage } from "@site/src/lib/auth-error-message.js";
import { type ReactNode, useEffect } from "react";
import { useAuth } from "../auth/AuthProvider.js";
import { Alert } from "./Alert.js";
import styles from "./account.module.css";

/** Shows `children` to a signed-in learner; sends anyone else to sign in, and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const history = useHistory();
  const { pathname, search } = useLocation();
  const loginPath = useBaseUrl("/login");
  useEffect(() => {
    if (status === "signed-out") {
      history.replace(`${loginPath}?next=${encodeURIComponent(pathname + search)}`);
    }
  }, [status, history, loginPath, pathname, search]);

  if (status === "signed-in") return <>{children}</>;
  if (status === "unavailable") return <Alert kind="warning">{authUnavailableMessage()}</Alert>;
  return (
    <p className={styles.loading} aria-live="polite">
      <Translate id="account.checkingSession">Checking your session…</Translate>
    </p>
  );
}
