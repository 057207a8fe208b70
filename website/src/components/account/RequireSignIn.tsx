import { useHistory, useLocation } from "@docusaurus/router";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { type ReactNode, useEffect } from "react";
import { UNAVAILABLE_MESSAGE } from "../../lib/auth-error-message.js";
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
  if (status === "unavailable") return <Alert kind="warning">{UNAVAILABLE_MESSAGE}</Alert>;
  return (
    <p className={styles.loading} aria-live="polite">
      Checking your session…
    </p>
  );
}
